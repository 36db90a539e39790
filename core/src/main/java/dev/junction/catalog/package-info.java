/**
 * What the providers offer: the {@link dev.junction.catalog.Catalog} of canonical models with each
 * provider's {@link dev.junction.catalog.Offer} (vendor name, capabilities, context window, price),
 * one provider's declared models ({@link dev.junction.catalog.ProviderModels}), and a read-only
 * {@link dev.junction.catalog.ProviderView} of an installed provider with its account balance and
 * live model list.
 */
package dev.junction.catalog;
