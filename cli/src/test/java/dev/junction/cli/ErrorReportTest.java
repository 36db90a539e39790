package dev.junction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import org.junit.jupiter.api.Test;

/** The headline leaves out exactly the parts that are unknown. */
class ErrorReportTest {

    @Test
    void headlineWithStatusOnly() {
        JunctionException e = JunctionException.builder(ErrorKind.SERVER_ERROR, "acedata answered HTTP 502 with an empty body")
                .provider("acedata").httpStatus(502).build();

        assertEquals("error: SERVER_ERROR from acedata (HTTP 502): acedata answered HTTP 502 with an empty body",
                ErrorReport.headline(e));
        assertEquals(1, ErrorReport.exitCode(e));
    }

    @Test
    void headlineWithVendorCodeOnly() {
        JunctionException e = JunctionException.builder(ErrorKind.UPSTREAM_ERROR, "yisu: upstream failed")
                .provider("yisu").vendorCode("upstream_error").build();

        assertEquals("error: UPSTREAM_ERROR from yisu (upstream_error): yisu: upstream failed", ErrorReport.headline(e));
    }

    @Test
    void headlineWithoutProvider() {
        JunctionException e = JunctionException.configuration(null, "config string: the config string is empty", "write it");

        assertEquals("error: CONFIGURATION: config string: the config string is empty", ErrorReport.headline(e));
        assertEquals(2, ErrorReport.exitCode(e));
    }

    @Test
    void everyKindMapsToTheExitCodeItsFaultImplies() {
        for (ErrorKind kind : ErrorKind.values()) {
            int expected = kind.isCallersFault() ? 2 : 1;
            assertEquals(expected, ErrorReport.exitCode(JunctionException.builder(kind, "x").build()), kind.name());
        }
    }
}
