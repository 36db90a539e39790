package dev.junction.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.junction.catalog.Capability;
import dev.junction.catalog.ModelInfo;
import dev.junction.chat.ChatResponse;
import dev.junction.chat.GeneratedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance for vendors whose catalog has {@link Capability#IMAGE_OUTPUT}: at least one documented
 * reply shows a generated image, and each such image comes back decoded to its exact bytes and
 * media type, and is saved under the file name its type calls for. Failures say
 * {@code image output: …}.
 */
public abstract class ImageOutputConformance extends ConformanceBase {

    /** The vendor's documented replies; those with images are the ones checked here. */
    protected abstract List<DocumentedReply> documentedReplies();

    @Test
    void declaresADocumentedReplyWithAnImage() {
        assertFalse(imageReplies().isEmpty(), () -> "image output: " + vendor().id()
                + " declares IMAGE_OUTPUT, but no documented reply of a model that declares it shows a generated image");
    }

    @TestFactory
    Stream<DynamicTest> decodesEveryDocumentedImageAndSavesIt() {
        return imageReplies().stream().map(reply -> dynamicTest(reply.name(), () -> {
            stub().reset();
            replyWithFixture(reply.fixture());

            ChatResponse response = call(chatModel(reply.model()), prompt(reply.model(), "documented example: " + reply.name()));

            List<GeneratedImage> images = response.images();
            assertEquals(reply.images().size(), images.size(), () -> "image output: images decoded from " + reply.fixture()
                    + "; warnings: " + response.warnings());
            for (int i = 0; i < images.size(); i++) {
                GeneratedImage expected = reply.images().get(i);
                assertEquals(expected.mediaType(), images.get(i).mediaType(), "image output: media type of image " + i);
                assertArrayEquals(expected.bytes(), images.get(i).bytes(), "image output: bytes of image " + i);
            }
            Path dir = Files.createTempDirectory("junction-images-");
            try {
                List<Path> saved = response.saveImages(dir);
                assertEquals(images.size(), saved.size(), "image output: one file per image");
                for (int i = 0; i < saved.size(); i++) {
                    assertArrayEquals(images.get(i).bytes(), Files.readAllBytes(saved.get(i)), "image output: saved file " + saved.get(i));
                }
            } finally {
                deleteTree(dir);
            }
        }));
    }

    private List<DocumentedReply> imageReplies() {
        return documentedReplies().stream().filter(r -> !r.images().isEmpty())
                .filter(r -> vendor().models().stream().anyMatch(m -> m.can(Capability.IMAGE_OUTPUT) && names(m, r.model())))
                .toList();
    }

    private static boolean names(ModelInfo model, String name) {
        return model.id().equals(name) || model.vendorModel().equals(name);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
