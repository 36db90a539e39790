package dev.junction.catalog;

/** Something a model can do at a given vendor; declared per model in the vendor's catalog. */
public enum Capability {
    /** Accepts images in user messages. */
    IMAGE_INPUT,
    /** Accepts video. */
    VIDEO_INPUT,
    /** Accepts audio. */
    AUDIO_INPUT,
    /** Accepts PDF documents. */
    PDF_INPUT,
    /** Generates images. */
    IMAGE_OUTPUT,
    /** Returns its reasoning text. */
    REASONING_OUTPUT,
    /** Honours reasoning effort / include-thoughts settings. */
    REASONING_CONTROL,
    /** Function tools. */
    TOOLS,
    /** A built-in web search tool. */
    WEB_SEARCH,
    /** JSON-schema structured output. */
    STRUCTURED_OUTPUT,
    /** Server-sent-event streaming. */
    STREAMING
}
