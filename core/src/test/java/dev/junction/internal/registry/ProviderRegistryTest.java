package dev.junction.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.Junction;
import dev.junction.catalog.ProviderView;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.spi.Provider;
import dev.junction.spi.ProviderContext;
import dev.junction.spi.ProviderFactory;
import dev.junction.testing.TestVendorFactory;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Service discovery: broken entries are reported, duplicates are errors, unknown ids list the known ones. */
class ProviderRegistryTest {
    private static final String SERVICES = "META-INF/services/" + ProviderFactory.class.getName();

    @TempDir
    Path temp;

    private final List<URLClassLoader> loaders = new ArrayList<>();

    /** A second, distinct factory class claiming the test vendor's id. */
    public static class TwinFactory extends TestVendorFactory {
        public TwinFactory() {
            super();
        }
    }

    /** A factory whose constructor fails, as a module with a bad resource might. */
    public static class ExplodingFactory extends TestVendorFactory {
        public ExplodingFactory() {
            super(explode());
        }

        private static String explode() {
            throw new IllegalStateException("boom in constructor");
        }
    }

    /** A factory whose id breaks the id rules. */
    public static class BadIdFactory implements ProviderFactory {
        @Override
        public String id() {
            return "Bad Id";
        }

        @Override
        public String displayName() {
            return "bad";
        }

        @Override
        public Provider create(ProviderContext context) {
            throw new UnsupportedOperationException();
        }
    }

    @AfterEach
    void closeLoaders() throws IOException {
        for (URLClassLoader loader : loaders) {
            loader.close();
        }
    }

    /** A loader over a fresh directory whose services file lists {@code classNames}; its parent holds the test classes. */
    private URLClassLoader loaderListing(String... classNames) throws IOException {
        Path root = Files.createTempDirectory(temp, "services");
        Path file = root.resolve(SERVICES);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# test services\n" + String.join("\n", classNames) + "\n");
        URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, getClass().getClassLoader());
        loaders.add(loader);
        return loader;
    }

    @Test
    void findsTheValidFactoryAndReportsTheBrokenEntries() throws IOException {
        URLClassLoader loader = loaderListing(TestVendorFactory.class.getName(),
                "dev.junction.internal.NoSuchFactory",
                ExplodingFactory.class.getName());
        try (Junction junction = Junction.builder().classLoader(loader).environment(name -> null).build()) {
            assertEquals(List.of("testvendor"), junction.providers().stream().map(ProviderView::id).toList());
            assertEquals("testvendor", junction.provider("testvendor:gemini-2.5-pro").id());

            List<String> problems = junction.discoveryProblems();
            assertEquals(2, problems.size(), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.contains("dev.junction.internal.NoSuchFactory")), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.contains(ExplodingFactory.class.getName())), problems.toString());
        }
    }

    @Test
    void reportsAFactoryWithAnInvalidId() throws IOException {
        ProviderRegistry registry = new ProviderRegistry(List.of(loaderListing(BadIdFactory.class.getName())));
        assertTrue(registry.factories().isEmpty());
        assertEquals(1, registry.problems().size());
        assertTrue(registry.problems().get(0).contains("invalid id 'Bad Id'"), registry.problems().get(0));
    }

    @Test
    void ignoresAFactoryClaimingTheRouteId() {
        ProviderRegistry registry = ProviderRegistry.of(List.of(new TestVendorFactory("route"), new TestVendorFactory()));
        assertEquals(List.of("testvendor"), List.copyOf(registry.factories().keySet()));
        assertTrue(registry.problems().get(0).contains("uses the id 'route', which config strings reserve for routes"),
                registry.problems().toString());
    }

    @Test
    void reportsEachProblemOnceHoweverOftenAsked() throws IOException {
        ProviderRegistry registry = new ProviderRegistry(List.of(loaderListing("dev.junction.internal.NoSuchFactory")));
        assertEquals(1, registry.problems().size());
        registry.factories();
        assertEquals(1, registry.problems().size());
    }

    @Test
    void failsEveryLookupWhenTwoFactoryClassesClaimOneId() throws IOException {
        URLClassLoader loader = loaderListing(TestVendorFactory.class.getName(), TwinFactory.class.getName());
        try (Junction junction = Junction.builder().classLoader(loader).environment(name -> null).build()) {
            JunctionException e = assertThrows(JunctionException.class, () -> junction.chatModel("testvendor:gemini-2.5-pro?apiKey=k"));
            assertEquals(ErrorKind.CONFIGURATION, e.kind());
            assertTrue(e.getMessage().contains(TestVendorFactory.class.getName()), e.getMessage());
            assertTrue(e.getMessage().contains(TwinFactory.class.getName()), e.getMessage());
            assertInstanceOf(JunctionException.class, assertThrows(JunctionException.class, junction::providers));
        }
    }

    @Test
    void findsADuplicateAcrossTwoLoaders() throws IOException {
        ProviderRegistry registry = new ProviderRegistry(List.of(
                loaderListing(TestVendorFactory.class.getName()), loaderListing(TwinFactory.class.getName())));
        JunctionException e = assertThrows(JunctionException.class, () -> registry.get("testvendor"));
        assertTrue(e.getMessage().contains("two provider modules claim the id 'testvendor'"), e.getMessage());
    }

    @Test
    void doesNotCountOneClassSeenThroughTwoLoadersAsADuplicate() throws IOException {
        ProviderRegistry registry = new ProviderRegistry(List.of(
                loaderListing(TestVendorFactory.class.getName()), loaderListing(TestVendorFactory.class.getName())));
        assertEquals(List.of("testvendor"), List.copyOf(registry.factories().keySet()));
        assertEquals(List.of(), registry.problems());
    }

    /** Counts its instances, to show a loader's ancestors are not searched a second time. */
    public static final class CountingFactory extends TestVendorFactory {
        static final java.util.concurrent.atomic.AtomicInteger CREATED = new java.util.concurrent.atomic.AtomicInteger();

        /** Called by ServiceLoader. */
        public CountingFactory() {
            super("counting");
            CREATED.incrementAndGet();
        }
    }

    @Test
    void skipsALoaderThatIsAnAncestorOfOneAlreadySearched() throws IOException {
        URLClassLoader parent = loaderListing(CountingFactory.class.getName(), "dev.junction.internal.NoSuchFactory");
        URLClassLoader child = new URLClassLoader(new URL[0], parent);
        loaders.add(child);
        CountingFactory.CREATED.set(0);
        ProviderRegistry registry = new ProviderRegistry(List.of(child, parent));
        assertEquals(List.of("counting"), List.copyOf(registry.factories().keySet()));
        assertEquals(1, CountingFactory.CREATED.get(), "the factory is created once, not once per loader");
        assertEquals(1, registry.problems().size(), registry.problems().toString());
    }

    @Test
    void searchesBothTheGivenLoaderAndCoresOwn() throws IOException {
        URLClassLoader loader = loaderListing(TestVendorFactory.class.getName());
        ProviderRegistry registry = new ProviderRegistry(Arrays.asList(loader, null, ProviderRegistry.class.getClassLoader()));
        assertEquals(List.of("testvendor"), List.copyOf(registry.factories().keySet()));
    }

    @Test
    void failsForAnUnknownIdListingTheKnownIds() throws IOException {
        ProviderRegistry registry = ProviderRegistry.of(List.of(new TestVendorFactory("yisu"), new TestVendorFactory("acedata")));
        JunctionException e = assertThrows(JunctionException.class, () -> registry.get("aivideoapi"));
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("known providers: acedata, yisu"), e.getMessage());
        assertTrue(e.hint().orElseThrow().contains("junction-provider-aivideoapi"), e.hint().orElseThrow());
    }

    @Test
    void saysSoWhenNoProviderIsOnTheClassPath() throws IOException {
        ProviderRegistry registry = new ProviderRegistry(List.of(loaderListing()));
        JunctionException e = assertThrows(JunctionException.class, () -> registry.get("acedata"));
        assertTrue(e.getMessage().contains("no provider module is on the class path"), e.getMessage());
    }

    @Test
    void rejectsDuplicatesAmongFixedFactories() {
        ProviderRegistry registry = ProviderRegistry.of(List.of(new TestVendorFactory(), new TwinFactory()));
        assertEquals(ErrorKind.CONFIGURATION, assertThrows(JunctionException.class, registry::factories).kind());
    }
}
