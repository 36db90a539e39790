package dev.junction.gateway.state;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Budget periods: UTC calendar days and months, and when each ends. */
final class Periods {
    private Periods() {
    }

    static LocalDate day(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    static YearMonth month(Instant now) {
        return YearMonth.from(day(now));
    }

    /** The next UTC midnight after the day. */
    static Instant dayEnd(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant of the next month. */
    static Instant monthEnd(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
