/**
 * Junction's gateway: an OpenAI-compatible HTTP server over the engine, so that any OpenAI SDK, in
 * any language, reaches every reseller through one endpoint, with virtual keys, budgets reserved
 * before each call and settled after it, rate limits, and shared state in Redis.
 */
package dev.junction.gateway;
