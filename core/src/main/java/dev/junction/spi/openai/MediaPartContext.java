package dev.junction.spi.openai;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;

/**
 * Where a media part sits in the request, so that a {@link Dialect} can reject it with a message
 * that names the provider, the message and the part.
 *
 * @param provider the provider id
 * @param messageIndex the message's index in the request, from 0
 * @param partIndex the part's index in the message, from 0
 * @param mediaType the part's media type, declared or inferred; {@code null} when unknown
 */
public record MediaPartContext(String provider, int messageIndex, int partIndex, String mediaType) {

    /** A pre-send error about this part. */
    public JunctionException reject(ErrorKind kind, String problem, String hint) {
        return JunctionException.builder(kind, provider + ": message " + messageIndex + ", part " + partIndex + ": " + problem)
                .provider(provider)
                .hint(hint)
                .build();
    }
}
