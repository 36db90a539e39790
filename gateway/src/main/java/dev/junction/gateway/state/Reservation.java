package dev.junction.gateway.state;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Budget held for one call until it is settled or expires. The call's cost is charged to the
 * periods it was reserved in, even when it is settled after midnight.
 *
 * @param keyName the virtual key's name (never the key itself)
 * @param id unique id; settling is idempotent by it
 * @param amountUsd the amount held, rounded up to the nano-dollar
 * @param day the UTC day charged
 * @param month the UTC month charged
 * @param expiresAt when the hold is released if the call is not settled
 * @param unenforced whether it was granted without checking, because the store was unreachable
 *     and budgets fail open
 */
public record Reservation(String keyName, String id, BigDecimal amountUsd, LocalDate day, YearMonth month, Instant expiresAt,
        boolean unenforced) {

    /** Checks every field is set. */
    public Reservation {
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amountUsd, "amountUsd");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
