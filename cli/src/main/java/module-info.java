/**
 * The {@code junction} command line: lists the discovered providers and chats with any of them.
 * Providers are found at run time through {@link java.util.ServiceLoader}, like in any other
 * Junction application.
 */
module dev.junction.cli {
    requires dev.junction.core;
    // junction keys and junction serve: the gateway's configuration and server.
    requires dev.junction.gateway;
    requires info.picocli;
    // Only the API: --verbose checks that Junction's loggers did turn to DEBUG.
    requires org.slf4j;

    // picocli fills the annotated fields reflectively.
    opens dev.junction.cli to info.picocli;
}
