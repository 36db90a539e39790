package dev.junction.gateway.state;

import java.math.BigDecimal;

/**
 * What settling a reservation did.
 *
 * @param keyName the virtual key's name
 * @param reservationId the reservation settled
 * @param reservedUsd the amount that was held
 * @param actualUsd the cost charged, rounded up to the nano-dollar (may exceed {@code reservedUsd})
 * @param alreadySettled {@code true} when the reservation had been settled before: nothing changed
 * @param deferred {@code true} when the store was unreachable: the cost is kept in this process
 *     and written when the store is back (and logged meanwhile)
 */
public record Settlement(String keyName, String reservationId, BigDecimal reservedUsd, BigDecimal actualUsd, boolean alreadySettled,
        boolean deferred) {
}
