package dev.junction.gateway.state;

import io.vertx.core.Future;
import java.math.BigDecimal;

/**
 * Per-key budgets, enforced by reserving a call's largest possible cost before it runs and settling
 * its actual cost after. Under any concurrency, a period's settled spend never exceeds the limit by
 * more than the excess of actual cost over reserved amount of the calls in flight when the last
 * reservation was granted: the check and the hold are one atomic step.
 */
public interface BudgetLedger {

    /**
     * Holds {@code amountUsd} (rounded up to the nano-dollar) against the key's current UTC day and
     * month, if for every limit of {@code budget} settled + held + amount stays within it.
     *
     * @return the reservation; fails with {@link BudgetExceededException} when a limit would be
     *     passed, or {@link StateUnavailableException} when the store is unreachable and budgets
     *     fail closed
     */
    Future<Reservation> reserve(String keyName, Budget budget, BigDecimal amountUsd);

    /**
     * Releases the reservation and charges {@code actualUsd} (rounded up, charged in full even when
     * above the amount held) to the periods it was reserved in. Settling twice is a no-op.
     *
     * @return what was done; when the store is unreachable the cost is kept and written later
     *     ({@link Settlement#deferred()}), so this does not fail for that reason
     */
    Future<Settlement> settle(Reservation reservation, BigDecimal actualUsd);

    /**
     * The key's spend in the current UTC day and month; {@code budget} is only used to name the key's
     * limits and may be {@link Budget#NONE}.
     *
     * @return the spend; fails with {@link StateUnavailableException} when the store is unreachable
     */
    Future<Spend> spend(String keyName, Budget budget);
}
