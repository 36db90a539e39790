package dev.junction.micrometer;

import dev.junction.spi.openai.VendorProfile;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A plain OpenAI-dialect vendor read from {@code microvendor.json}, under a chosen id and price. */
final class MicroVendorFactory extends OpenAiCompatibleFactory {

    /** The vendor {@code id}, billing these US dollars per million input and output tokens. */
    MicroVendorFactory(String id, String inputPerMillion, String outputPerMillion) {
        super(profile(id, inputPerMillion, outputPerMillion));
    }

    private static VendorProfile profile(String id, String input, String output) {
        try (InputStream in = MicroVendorFactory.class.getResourceAsStream("microvendor.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("__ID__", id).replace("__INPUT__", input).replace("__OUTPUT__", output);
            return VendorProfile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), id + ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
