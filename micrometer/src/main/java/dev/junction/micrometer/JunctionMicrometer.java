package dev.junction.micrometer;

import dev.junction.observe.ChatListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;

/**
 * Reports Junction's chat calls to Micrometer, after the OpenTelemetry GenAI semantic conventions:
 * one {@code gen_ai.client.operation} Observation per call, and the {@code gen_ai.client.*}
 * metrics plus {@code junction.client.cost}.
 *
 * <pre>{@code
 * Junction junction = Junction.builder()
 *         .listener(JunctionMicrometer.listener(observationRegistry, meterRegistry))
 *         .build();
 * }</pre>
 */
public final class JunctionMicrometer {
    /** The Observation's name, as Spring AI names its own. */
    public static final String OBSERVATION = "gen_ai.client.operation";
    /** DistributionSummary of input and output tokens per call, tagged {@code gen_ai.token.type}. */
    public static final String TOKEN_USAGE = "gen_ai.client.token.usage";
    /** Timer of each call, retries and fallbacks included. */
    public static final String OPERATION_DURATION = "gen_ai.client.operation.duration";
    /** Timer from a stream's start to its first part. */
    public static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";
    /** Counter of what calls cost, in US dollars. */
    public static final String COST = "junction.client.cost";

    private JunctionMicrometer() {
    }

    /**
     * A listener for {@code Junction.builder().listener(…)} that reports to these registries; in
     * Spring Boot, the application's own beans. It keeps a call's state only until the call ends,
     * and never throws.
     *
     * @param observations where each call's Observation goes; {@link ObservationRegistry#NOOP} for none
     * @param meters where the meters go
     * @throws NullPointerException when either is {@code null}
     */
    public static ChatListener listener(ObservationRegistry observations, MeterRegistry meters) {
        return new MicrometerChatListener(Objects.requireNonNull(observations, "observations"),
                Objects.requireNonNull(meters, "meters"));
    }
}
