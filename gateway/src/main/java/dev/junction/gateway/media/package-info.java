/**
 * Media URLs in chat requests, downloaded by the gateway itself when {@code media.inline_remote}
 * is on: only from public addresses, so that a client cannot use the gateway to reach its host,
 * its network or the cloud metadata service.
 */
package dev.junction.gateway.media;
