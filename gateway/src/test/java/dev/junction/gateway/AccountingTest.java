package dev.junction.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.Junction;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.gateway.config.KeyConfig;
import dev.junction.gateway.state.Budget;
import dev.junction.gateway.state.GatewayState;
import dev.junction.gateway.state.HealthRule;
import dev.junction.gateway.state.Reservation;
import dev.junction.gateway.state.Spend;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a failed call costs its key: nothing when the vendor surely billed nothing, the whole
 * reservation when it may have (a client that disconnects must not spend for free).
 */
class AccountingTest {
    private static final BigDecimal HELD = new BigDecimal("0.25");

    @ParameterizedTest
    @CsvSource({
        "INVALID_REQUEST, 0", "AUTHENTICATION, 0", "RATE_LIMITED, 0", "MODEL_NOT_FOUND, 0", "INSUFFICIENT_CREDITS, 0",
        "CANCELLED, 0.25", "TIMEOUT, 0.25", "NETWORK, 0.25", "PROTOCOL, 0.25", "SERVER_ERROR, 0.25", "UPSTREAM_ERROR, 0.25"})
    void aFailedCallIsChargedItsReservationUnlessTheVendorSurelyBilledNothing(ErrorKind kind, BigDecimal charged) throws Exception {
        GatewayState state = GatewayState.inMemory(Clock.systemUTC(), HealthRule.DEFAULT);
        try (Junction junction = Junction.builder().environment(name -> null).build()) {
            Accounting accounting = new Accounting(junction, state);
            KeyConfig key = new KeyConfig("team-a", "none", Set.of(), new BigDecimal("1"), null, null, null);
            Budget budget = new Budget(new BigDecimal("1"), null);
            Reservation reservation = state.budgets().reserve("team-a", budget, HELD).toCompletionStage().toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);

            accounting.settleFailed(key, reservation, JunctionException.builder(kind, "failed").build());
            accounting.drain(java.time.Duration.ofSeconds(5)).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

            Spend spend = state.budgets().spend("team-a", budget).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(0, charged.compareTo(spend.dailySettledUsd()), kind + " charged " + spend.dailySettledUsd());
            assertEquals(0, BigDecimal.ZERO.compareTo(spend.dailyReservedUsd()), "the reservation is gone either way");
        } finally {
            state.close();
        }
    }
}
