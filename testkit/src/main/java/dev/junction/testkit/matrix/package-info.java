/** The quirk matrix ({@code docs/vendors.md}): generated from the installed providers' catalogs and dialects. */
package dev.junction.testkit.matrix;
