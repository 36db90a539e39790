/**
 * The gateway's OpenAI wire codec: Chat Completions request bodies in ({@link dev.junction.gateway.openai.InboundChats}),
 * {@code chat.completion} objects ({@link dev.junction.gateway.openai.CompletionJson}) and
 * {@code chat.completion.chunk} events ({@link dev.junction.gateway.openai.ChunkWriter}) out, and OpenAI's
 * error envelope ({@link dev.junction.gateway.openai.ErrorJson}). Pure functions of their input: no I/O,
 * no Vert.x context, safe on any thread (one {@code ChunkWriter} per stream).
 */
package dev.junction.gateway.openai;
