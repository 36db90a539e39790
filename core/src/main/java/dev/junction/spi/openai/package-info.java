/**
 * What an OpenAI-compatible vendor module declares, for core's engine to use. The whole vendor SPI
 * is these types and the factory base class in {@code dev.junction.spi.openai.factory}:
 *
 * <ul>
 *   <li>{@link dev.junction.spi.openai.VendorProfile}: the vendor's data, read by
 *       {@link dev.junction.spi.openai.VendorProfile#read} from the JSON resource the module ships
 *       (id, base URL, chat path, streaming default, models and capabilities, prices with their
 *       source, error codes and hints, documented rules ({@link dev.junction.spi.openai.VendorRule}),
 *       account endpoints, role names, the output-cap field, whether media may travel by URL, and
 *       key variables besides {@code <ID>_API_KEY}, the documented reasoning efforts, reasoning
 *       tags inside content, an images endpoint, and per model the dummy thought signature to send
 *       when a tool call has none, {@code thoughtSignatureWhenMissing}).
 *   <li>{@link dev.junction.spi.openai.Dialect}: the hooks where the vendor's wire format differs
 *       in code, each defaulting to plain OpenAI: {@code authenticate}, {@code writeMediaPart},
 *       {@code writeWebSearchTool}, {@code writeReasoning}, {@code readReasoning},
 *       {@code readImages}, {@code readThoughtSignature}, {@code writeThoughtSignature},
 *       {@code standardChunksNeedNoHooks}, {@code isErrorBody}, {@code readError}. The dialect's
 *       Javadoc states the contract every hook keeps (threads, nulls, exceptions); each hook
 *       states its own.
 *   <li>{@link dev.junction.spi.openai.DialectFields}: the wire habits a profile may declare as
 *       data instead (credential header, media part shape, reply field names, error envelope),
 *       realised by {@code OpenAiCompatibleFactory.declaredDialect}; what a vendor defined by one
 *       JSON file uses.
 *   <li>{@link dev.junction.spi.openai.VendorError}: what {@code readError} returns.
 *   <li>{@link dev.junction.spi.openai.MediaPartContext}: where a media part sits, to reject it with
 *       a message naming the message and part.
 *   <li>{@link dev.junction.spi.openai.InlineMedia}: base64 data URIs both ways, streamed so that a
 *       large file is never one big string.
 *   <li>{@link dev.junction.spi.openai.Json}: lenient reads of reply fields.
 * </ul>
 *
 * <p>The engine itself (request writing, reply reading, streaming, errors, account endpoints) is in
 * core's non-exported {@code dev.junction.internal.openai} packages. If a vendor needs an
 * {@code if (vendor == …)} there, a hook or a profile field is missing: add it here instead.
 */
package dev.junction.spi.openai;
