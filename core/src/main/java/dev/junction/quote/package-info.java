/**
 * What a request would cost before it is sent: an offline estimate of its input tokens
 * ({@link dev.junction.quote.TokenEstimator}, by default {@link dev.junction.quote.HeuristicTokenEstimator}),
 * the assumptions about its output ({@link dev.junction.quote.QuoteOptions}), and the ranked
 * {@link dev.junction.quote.Quotes} across every provider offering the model, with the providers
 * that could not serve it and why. Made by {@code Junction.quote(…)}.
 */
package dev.junction.quote;
