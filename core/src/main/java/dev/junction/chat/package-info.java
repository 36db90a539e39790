/**
 * The canonical chat contract, the same at every vendor: requests, messages and their parts
 * (text, and media by URL, bytes, file or data URI), tools, response formats, reasoning settings,
 * responses with usage and cost, and stream parts. Values are immutable records and sealed
 * interfaces; {@link dev.junction.chat.ChatModel} is the asynchronous API (Vert.x futures and read
 * streams), with blocking and {@link java.util.concurrent.Flow.Publisher} adapters.
 */
package dev.junction.chat;
