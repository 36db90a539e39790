package dev.junction.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.internal.json.JsonMappers;
import dev.junction.spi.openai.VendorProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * Finds and reads vendor files: providers defined by one JSON file each, in the vendor-profile
 * format, with no code. Two places are searched:
 * <ul>
 *   <li>the directory named by the environment variable {@value #ENV}: every {@code *.json} file
 *       directly in it, in name order;</li>
 *   <li>the class path: every {@code *.json} file in {@value #FOLDER}, wherever a class loader can
 *       show that folder (a class-path directory, or a jar that has a directory entry for it, as
 *       Maven's jar and shade plugins write); and every file named by a {@value #INDEX} resource,
 *       one per line ({@code #} starts a comment), read from {@value #FOLDER} beside that index.
 *       The index reaches the files a folder listing cannot (a jar without directory entries, a
 *       nested or custom loader), since a class loader always finds every copy of one named
 *       resource, as {@code META-INF/services} files are found. A file found both ways is read once.</li>
 * </ul>
 * A file that cannot be read or is wrong becomes a {@link Failure} naming it, the field and the
 * fix; it never stops the other files from loading.
 */
public final class VendorFiles {
    /** The environment variable naming a directory of vendor files. */
    public static final String ENV = "JUNCTION_VENDORS";
    /** The class-path index listing vendor files. */
    public static final String INDEX = "META-INF/junction/vendors.list";
    /** Where the index's files sit, relative to the class-path root. */
    public static final String FOLDER = "META-INF/junction/vendors/";
    /** A vendor file is a small document; a far larger one is a mistake, not a vendor. */
    static final int MAX_BYTES = 1024 * 1024;
    private static final Pattern LISTED_NAME = Pattern.compile("[A-Za-z0-9._-]+\\.json");

    private VendorFiles() {
    }

    /**
     * A vendor file that could not be used.
     *
     * @param ids the ids a user might ask for to reach it: the id it declares, if readable, and its file name without {@code .json}
     * @param message what is wrong, naming the file, the field and the fix
     */
    public record Failure(Set<String> ids, String message) {
    }

    /** What was found: the usable vendors and the failures, each in the order found. */
    public record Loaded(List<VendorFileFactory> factories, List<Failure> failures) {
    }

    /**
     * Reads every vendor file from {@value #ENV} (looked up in {@code environment}) and from the
     * class path of {@code loaders}. Never throws for a bad file or directory.
     */
    public static Loaded load(Function<String, String> environment, List<ClassLoader> loaders) {
        List<VendorFileFactory> factories = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        fromDirectory(environment.apply(ENV), factories, failures);
        fromClassPath(loaders, factories, failures);
        return new Loaded(List.copyOf(factories), List.copyOf(failures));
    }

    private static void fromDirectory(String setting, List<VendorFileFactory> factories, List<Failure> failures) {
        if (setting == null || setting.isBlank()) {
            return;
        }
        Path dir = Path.of(setting.strip());
        if (!Files.isDirectory(dir)) {
            failures.add(new Failure(Set.of(), ENV + " is " + setting + ", which is not a directory; point it at the folder"
                    + " holding your vendor *.json files, or unset it"));
            return;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir, "*.json")) {
            listing.forEach(files::add);
        } catch (IOException e) {
            failures.add(new Failure(Set.of(), ENV + " is " + setting + ", which cannot be listed (" + e.getMessage()
                    + "); check its permissions"));
            return;
        }
        Collections.sort(files);
        for (Path file : files) {
            String source = file + " (" + ENV + ")";
            try (InputStream in = Files.newInputStream(file)) {
                read(in, source, file.getFileName().toString(), factories, failures);
            } catch (IOException e) {
                failures.add(new Failure(Set.of(stem(file.getFileName().toString())), "vendor file " + source
                        + " cannot be read (" + e.getMessage() + "); check its permissions"));
            }
        }
    }

    private static void fromClassPath(List<ClassLoader> loaders, List<VendorFileFactory> factories, List<Failure> failures) {
        // One jar may be visible through several loaders, and one file both listed and in its
        // folder: each index, folder and file is read once.
        Set<String> seen = new LinkedHashSet<>();
        for (ClassLoader loader : loaders) {
            try {
                for (URL folder : Collections.list(loader.getResources(FOLDER.substring(0, FOLDER.length() - 1)))) {
                    if (seen.add(folder.toString())) {
                        fromFolder(folder, seen, factories, failures);
                    }
                }
            } catch (IOException e) {
                failures.add(new Failure(Set.of(), "the class path's " + FOLDER + " folders cannot be listed (" + e.getMessage() + ")"));
            }
            Enumeration<URL> indexes;
            try {
                indexes = loader.getResources(INDEX);
            } catch (IOException e) {
                failures.add(new Failure(Set.of(), "the class path's " + INDEX + " files cannot be listed (" + e.getMessage() + ")"));
                continue;
            }
            for (URL index : Collections.list(indexes)) {
                if (seen.add(index.toString())) {
                    fromIndex(index, seen, factories, failures);
                }
            }
        }
    }

    /**
     * Reads the {@code *.json} files directly in a class-path folder: a directory, or a jar's
     * entries under it. Other kinds of URL cannot be listed; their files need the index.
     */
    private static void fromFolder(URL folder, Set<String> seen, List<VendorFileFactory> factories, List<Failure> failures) {
        List<String> names = new ArrayList<>();
        try {
            if ("file".equals(folder.getProtocol())) {
                try (DirectoryStream<Path> listing = Files.newDirectoryStream(Path.of(folder.toURI()), "*.json")) {
                    listing.forEach(file -> names.add(file.getFileName().toString()));
                }
            } else if (folder.openConnection() instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                try (JarFile file = jar.getJarFile()) {
                    file.stream().map(JarEntry::getName).filter(n -> n.startsWith(FOLDER) && n.endsWith(".json"))
                            .map(n -> n.substring(FOLDER.length())).filter(n -> !n.contains("/")).forEach(names::add);
                }
            } else {
                return;
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            failures.add(new Failure(Set.of(), "vendor folder " + folder + " cannot be listed (" + e.getMessage()
                    + "); list its files in " + INDEX + " instead"));
            return;
        }
        Collections.sort(names);
        String base = folder.toString().endsWith("/") ? folder.toString() : folder + "/";
        for (String name : names) {
            String source = base + name;
            if (!seen.add(source)) {
                continue;
            }
            try (InputStream in = open(new URL(base + name))) {
                read(in, source, name, factories, failures);
            } catch (IOException e) {
                failures.add(new Failure(Set.of(stem(name)), "vendor file " + source + " cannot be read (" + e.getMessage() + ")"));
            }
        }
    }

    private static void fromIndex(URL index, Set<String> seen, List<VendorFileFactory> factories, List<Failure> failures) {
        String text;
        try (InputStream in = open(index)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            failures.add(new Failure(Set.of(), "vendor index " + index + " cannot be read (" + e.getMessage() + ")"));
            return;
        }
        String[] lines = text.split("\r\n|\r|\n");
        for (int i = 0; i < lines.length; i++) {
            String name = lines[i].replaceFirst("#.*", "").strip();
            if (name.isEmpty()) {
                continue;
            }
            String where = "vendor index " + index + " line " + (i + 1);
            if (!LISTED_NAME.matcher(name).matches()) {
                failures.add(new Failure(Set.of(), where + ": \"" + name + "\" is not a vendor file name; list file names such as"
                        + " my-vendor.json, each sitting in " + FOLDER + " beside the index"));
                continue;
            }
            URL file;
            try {
                // Resolved against the index itself, so that each jar's list names that jar's files.
                file = new URL(index, "vendors/" + name);
            } catch (MalformedURLException e) {
                failures.add(new Failure(Set.of(stem(name)), where + ": cannot locate " + name + " (" + e.getMessage() + ")"));
                continue;
            }
            if (!seen.add(file.toString())) {
                continue;
            }
            try (InputStream in = open(file)) {
                read(in, file.toString(), name, factories, failures);
            } catch (IOException e) {
                failures.add(new Failure(Set.of(stem(name)), where + " lists " + name + ", but " + file + " cannot be read ("
                        + e.getClass().getSimpleName() + "); add the file or remove the line"));
            }
        }
    }

    /** Reads one file into a factory or a failure. */
    private static void read(InputStream in, String source, String fileName, List<VendorFileFactory> factories,
            List<Failure> failures) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            failures.add(new Failure(Set.of(stem(fileName)), "vendor file " + source + " is over " + MAX_BYTES / 1024
                    + " KiB; a vendor file holds one vendor's definition"));
            return;
        }
        try {
            factories.add(new VendorFileFactory(VendorProfile.read(new ByteArrayInputStream(bytes), source), source));
        } catch (RuntimeException e) {
            Set<String> ids = new LinkedHashSet<>();
            String declared = declaredId(bytes);
            if (declared != null) {
                ids.add(declared);
            }
            ids.add(stem(fileName));
            failures.add(new Failure(Set.copyOf(ids), e.getMessage()));
        }
    }

    /** The id a broken file declares, when it can still be read, so that asking for it gets this file's error. */
    private static String declaredId(byte[] bytes) {
        try {
            JsonNode root = JsonMappers.LENIENT.readTree(bytes);
            JsonNode id = root == null ? null : root.get("id");
            return id != null && id.isTextual() ? id.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String stem(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".json") ? lower.substring(0, lower.length() - ".json".length()) : lower;
    }

    private static InputStream open(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        // Jar files stay open in the JVM's cache otherwise, which locks them on Windows and leaks handles.
        connection.setUseCaches(false);
        return connection.getInputStream();
    }
}
