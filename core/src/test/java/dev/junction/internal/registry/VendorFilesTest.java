package dev.junction.internal.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.junction.Junction;
import dev.junction.catalog.ProviderView;
import dev.junction.chat.ChatRequest;
import dev.junction.chat.ChatResponse;
import dev.junction.error.ErrorKind;
import dev.junction.error.JunctionException;
import dev.junction.quote.Quote;
import dev.junction.spi.ProviderFactory;
import dev.junction.testing.Futures;
import dev.junction.testing.TestVendorFactory;
import dev.junction.testing.VendorServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vendor files as discovery sees them: the JUNCTION_VENDORS directory and the class path's index,
 * broken files beside good ones, duplicate ids, and a file vendor in config strings, quotes and routes.
 */
class VendorFilesTest {
    @TempDir
    Path temp;

    private final Map<String, String> env = new HashMap<>();
    private final List<AutoCloseable> closeables = new java.util.ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    /** A minimal vendor: one model, gemini-2.5-pro, priced when {@code inputPerMillion} is given. */
    static String vendor(String id, String chatPath, String inputPerMillion) {
        String prices = inputPerMillion == null ? "" : """
                ,"prices":[{"model":"gemini-2.5-pro","currency":"USD","inputPerMillion":"%s","outputPerMillion":"%s",
                            "source":"%s price page"}]""".formatted(inputPerMillion, inputPerMillion, id);
        return """
                {"id":"%s","displayName":"%s","baseUrl":"https://%s.example","chatPath":"%s",
                 "models":[{"id":"gemini-2.5-pro","vendorModel":"gemini-2.5-pro","capabilities":["STREAMING"]}]%s}
                """.formatted(id, id.toUpperCase(java.util.Locale.ROOT), id, chatPath, prices);
    }

    private Path dir(String... nameAndJson) throws IOException {
        Path dir = Files.createTempDirectory(temp, "vendors");
        for (int i = 0; i < nameAndJson.length; i += 2) {
            Files.writeString(dir.resolve(nameAndJson[i]), nameAndJson[i + 1]);
        }
        env.put("JUNCTION_VENDORS", dir.toString());
        return dir;
    }

    private Junction junction() {
        return junction(Junction.builder());
    }

    private Junction junction(Junction.Builder builder) {
        Junction junction = builder.environment(env::get).build();
        closeables.add(junction);
        return junction;
    }

    @Test
    void listsEveryJsonFileOfTheDirectoryWithTheEnvironmentFallbacks() throws IOException {
        dir("cheap.json", vendor("cheap-vendor", "/v1/chat", "0.10"), "dear.json", vendor("dear", "/v1/chat", "1.00"),
                "notes.txt", "not a vendor");
        env.put("CHEAP_VENDOR_API_KEY", "sk-env-1");
        env.put("CHEAP_VENDOR_BASE_URL", "http://127.0.0.1:9/");

        Junction junction = junction();

        assertEquals(List.of("cheap-vendor", "dear"), junction.providers().stream().map(ProviderView::id).toList());
        ProviderView cheap = junction.provider("cheap-vendor:gemini-2.5-pro");
        assertEquals("http://127.0.0.1:9", cheap.baseUrl().toString());
        assertTrue(cheap.hasApiKey());
        assertEquals("CHEAP_VENDOR_API_KEY", cheap.apiKeyEnvVar());
        assertEquals(List.of(), junction.discoveryProblems());
    }

    @Test
    void reportsABrokenFileNamingItsFieldAndKeepsTheOthers() throws IOException {
        Path dir = dir("good.json", vendor("good", "/chat", null),
                "typo.json", vendor("typo-vendor", "/chat", null).replace("\"baseUrl\"", "\"basUrl\""));

        Junction junction = junction();

        assertEquals(List.of("good"), junction.providers().stream().map(ProviderView::id).toList());
        List<String> problems = junction.discoveryProblems();
        assertEquals(1, problems.size(), problems::toString);
        String expected = "vendor profile " + dir.resolve("typo.json") + " (JUNCTION_VENDORS): basUrl is not a known field;"
                + " did you mean \"baseUrl\"?";
        assertTrue(problems.get(0).startsWith(expected), problems.get(0));

        JunctionException e = assertThrows(JunctionException.class, () -> junction.chatModel("typo-vendor:gemini-2.5-pro?apiKey=k"));
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertEquals("typo-vendor", e.provider());
        assertEquals(problems.get(0), e.getMessage(), "asking for the broken vendor gets its file's error");
        assertTrue(e.hint().orElseThrow().contains("fix the vendor file"), e.hint().orElseThrow());
    }

    @Test
    void reachesAFileThatIsNotJsonByItsFileName() throws IOException {
        Path dir = dir("half.json", "{\"id\": \"half\", ");

        Junction junction = junction();

        JunctionException e = assertThrows(JunctionException.class, () -> junction.provider("half"));
        assertTrue(e.getMessage().startsWith("vendor profile " + dir.resolve("half.json") + " (JUNCTION_VENDORS) is not valid JSON"),
                e.getMessage());
        assertEquals(List.of(), junction.providers());
    }

    @Test
    void reportsAVendorDirectoryThatDoesNotExist() {
        env.put("JUNCTION_VENDORS", temp.resolve("missing").toString());

        Junction junction = junction();

        assertEquals(List.of("JUNCTION_VENDORS is " + temp.resolve("missing") + ", which is not a directory; point it at the folder"
                + " holding your vendor *.json files, or unset it"), junction.discoveryProblems());
    }

    @Test
    void failsEveryLookupWhenTwoFilesClaimOneId() throws IOException {
        Path dir = dir("a.json", vendor("twin", "/a", null), "b.json", vendor("twin", "/b", null), "c.json", vendor("other", "/c", null));

        Junction junction = junction();

        JunctionException e = assertThrows(JunctionException.class, () -> junction.provider("other"));
        assertEquals(ErrorKind.CONFIGURATION, e.kind());
        assertEquals("two provider definitions claim the id 'twin': vendor file " + dir.resolve("a.json") + " (JUNCTION_VENDORS) and"
                + " vendor file " + dir.resolve("b.json") + " (JUNCTION_VENDORS)", e.getMessage());
        assertTrue(e.hint().orElseThrow().startsWith("remove or rename one of the two"), e.hint().orElseThrow());
    }

    @Test
    void failsEveryLookupWhenAFileClaimsAModulesId() throws IOException {
        Path dir = dir("clash.json", vendor(TestVendorFactory.ID, "/v1/chat", null));
        URLClassLoader modules = classPath(Map.of("META-INF/services/" + ProviderFactory.class.getName(), TestVendorFactory.class.getName()));

        Junction junction = junction(Junction.builder().classLoader(modules));

        JunctionException e = assertThrows(JunctionException.class, junction::providers);
        assertEquals("two provider definitions claim the id 'testvendor': " + TestVendorFactory.class.getName()
                + " and vendor file " + dir.resolve("clash.json") + " (JUNCTION_VENDORS)", e.getMessage());
    }

    @Test
    void readsAClassPathFolderAndWhatItsIndexListsEachFileOnce() throws IOException {
        URLClassLoader loader = classPath(Map.of(
                "META-INF/junction/vendors.list", "# vendors of this jar\nlisted.json\n\nmissing.json # gone\n../escape.json\n",
                "META-INF/junction/vendors/listed.json", vendor("listed", "/chat", null),
                "META-INF/junction/vendors/unlisted.json", vendor("unlisted", "/chat", null)));

        Junction junction = junction(Junction.builder().classLoader(loader));

        // listed.json is both listed and in the folder: read twice, it would be a duplicate id and fail every lookup.
        assertEquals(List.of("listed", "unlisted"), junction.providers().stream().map(ProviderView::id).toList(),
                "every file of the folder, and what the index lists, each once");
        List<String> problems = junction.discoveryProblems();
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).matches("vendor index .*META-INF/junction/vendors.list line 4 lists missing.json, but .*"
                + "/META-INF/junction/vendors/missing.json cannot be read \\(FileNotFoundException\\); add the file or remove the line"),
                problems.get(0));
        assertTrue(problems.get(1).endsWith("line 5: \"../escape.json\" is not a vendor file name; list file names such as"
                + " my-vendor.json, each sitting in META-INF/junction/vendors/ beside the index"), problems.get(1));
        JunctionException e = assertThrows(JunctionException.class, () -> junction.provider("missing"));
        assertEquals(problems.get(0), e.getMessage());
    }

    @Test
    void readsTheFolderOfAJarWithDirectoryEntriesWithoutAnIndex() throws IOException {
        Path jar = temp.resolve("folder.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String dir : List.of("META-INF/", "META-INF/junction/", "META-INF/junction/vendors/")) {
                out.putNextEntry(new JarEntry(dir));
                out.closeEntry();
            }
            put(out, "META-INF/junction/vendors/b-vendor.json", vendor("b-vendor", "/chat", null));
            put(out, "META-INF/junction/vendors/a-vendor.json", vendor("a-vendor", "/chat", null));
            put(out, "META-INF/junction/vendors/notes.txt", "not a vendor");
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
        closeables.add(loader);

        Junction junction = junction(Junction.builder().classLoader(loader));

        assertEquals(List.of("a-vendor", "b-vendor"), junction.providers().stream().map(ProviderView::id).toList());
        assertEquals(List.of(), junction.discoveryProblems());
    }

    @Test
    void needsTheIndexInAJarWithoutDirectoryEntries() throws IOException {
        Path jar = temp.resolve("bare.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "META-INF/junction/vendors/bare.json", vendor("bare", "/chat", null));
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
        closeables.add(loader);

        Junction junction = junction(Junction.builder().classLoader(loader));

        assertEquals(List.of(), junction.providers().stream().map(ProviderView::id).toList(),
                "the folder cannot be found without its directory entry; the README says to list such files");
    }

    @Test
    void readsTheFilesAJarsIndexLists() throws IOException {
        Path jar = temp.resolve("vendors.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "META-INF/junction/vendors.list", "in-jar.json\n");
            put(out, "META-INF/junction/vendors/in-jar.json", vendor("in-jar", "/chat", null));
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
        closeables.add(loader);

        Junction junction = junction(Junction.builder().classLoader(loader));

        ProviderView view = junction.provider("in-jar");
        assertEquals("IN-JAR", view.displayName());
        assertEquals(List.of(), junction.discoveryProblems());
    }

    @Test
    void quotesAndRoutesFileVendorsLikeModules() throws IOException {
        WireMockServer wire = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wire.start();
        closeables.add(wire::stop);
        dir("cheap.json", vendor("cheap", "/cheap/chat", "0.10"), "dear.json", vendor("dear", "/dear/chat", "5.00"));
        for (String id : List.of("CHEAP", "DEAR")) {
            env.put(id + "_API_KEY", "sk-" + id.toLowerCase(java.util.Locale.ROOT));
            env.put(id + "_BASE_URL", "http://127.0.0.1:" + wire.port());
        }
        wire.stubFor(post(urlEqualTo("/cheap/chat")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(VendorServer.okBody("便宜"))));
        Junction junction = junction();
        ChatRequest request = ChatRequest.builder().model("gemini-2.5-pro").user("你好").build();

        List<Quote> quotes = junction.quote(request).quotes();
        assertEquals(List.of("cheap", "dear"), quotes.stream().map(Quote::provider).toList(), "core's tests install no vendor module");
        assertTrue(quotes.get(0).priceKnown());

        ChatResponse response = Futures.await(junction.chatModel("route:gemini-2.5-pro?policy=cheapest&maxRetries=0").chat(request));

        assertEquals("cheap", response.provider());
        assertEquals("便宜", response.text());
        List<LoggedRequest> sent = wire.findAll(anyRequestedFor(anyUrl()));
        assertEquals(1, sent.size());
        assertEquals("/cheap/chat", sent.get(0).getUrl());
        assertEquals("Bearer sk-cheap", sent.get(0).getHeader("Authorization"));
        assertEquals("{\"model\":\"gemini-2.5-pro\",\"messages\":[{\"role\":\"user\",\"content\":\"你好\"}]}",
                new String(sent.get(0).getBody(), StandardCharsets.UTF_8));
    }

    private URLClassLoader classPath(Map<String, String> files) throws IOException {
        Path root = Files.createTempDirectory(temp, "classes");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = root.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, getClass().getClassLoader());
        closeables.add(loader);
        return loader;
    }

    private static void put(JarOutputStream jar, String name, String text) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(text.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }
}
