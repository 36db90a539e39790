package dev.junction.opentelemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.spi.openai.Dialect;
import dev.junction.spi.openai.VendorProfile;
import dev.junction.spi.openai.factory.OpenAiCompatibleFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A plain OpenAI-dialect vendor read from {@code telemetry-vendor.json}, under an id and a price of the test's choosing. */
public class TelemetryVendorFactory extends OpenAiCompatibleFactory {
    static final String CHAT_PATH = "/v1/chat/completions";

    TelemetryVendorFactory(String id, String inputPerMillion, String outputPerMillion) {
        super(profile(id, inputPerMillion, outputPerMillion), Dialect.OPENAI);
    }

    private static VendorProfile profile(String id, String inputPerMillion, String outputPerMillion) {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = TelemetryVendorFactory.class.getResourceAsStream("telemetry-vendor.json")) {
            ObjectNode root = (ObjectNode) json.readTree(in);
            root.put("id", id);
            ObjectNode price = (ObjectNode) root.withArray("prices").get(0);
            price.put("inputPerMillion", inputPerMillion).put("outputPerMillion", outputPerMillion);
            return VendorProfile.read(new ByteArrayInputStream(json.writeValueAsBytes(root)), "telemetry-vendor.json (" + id + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
