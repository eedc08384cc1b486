package dev.awsconnectors.bundle;

import dev.awsconnectors.testhost.OnBuiltJar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the plugin jar embeds under {@code META-INF/lib}, and what that costs a Jira admin who uploads it: the list is
 * exact, so a library that comes back (or a new one) fails here and is weighed in the README's table first.
 */
@OnBuiltJar
class EmbeddedLibrariesIT {
    /** Decimal megabytes, as the upload dialog and the issue count them. */
    private static final long TEN_MEGABYTES = 10_000_000L;

    /** Every library the bundle embeds, by artifact id; README "What the bundle embeds" says why each is there. */
    private static final Set<String> EMBEDDED = Set.of(
            "sts", "iam", "url-connection-client", "sdk-core", "aws-core", "regions", "auth", "http-auth",
            "http-auth-aws", "http-auth-spi", "identity-spi", "http-client-spi", "aws-query-protocol",
            "protocol-core", "profiles", "utils", "utils-lite", "json-utils", "third-party-jackson-core",
            "metrics-spi", "endpoints-spi", "retries", "retries-spi", "checksums", "checksums-spi",
            "reactive-streams", "jackson-databind", "jackson-core", "jackson-annotations");

    /** SDK libraries no path of the app loads (the pom's exclusions), with a package of each. */
    private static final Map<String, String> LEFT_OUT = Map.of(
            "eventstream", "software.amazon.awssdk.eventstream",
            "http-auth-aws-eventstream", "software.amazon.awssdk.http.auth.aws.eventstream",
            "annotations", "software.amazon.awssdk.annotations");

    private static final Pattern LIBRARY = Pattern.compile("META-INF/lib/(.+)-([0-9][0-9.]*)\\.jar");

    private static PluginJar jar;
    private static Map<String, byte[]> libraries;

    @BeforeAll
    static void readTheEmbeddedLibraries() {
        jar = PluginJar.built();
        libraries = new LinkedHashMap<>();
        jar.entryNames().stream().filter(e -> e.startsWith("META-INF/lib/") && e.endsWith(".jar"))
                .forEach(e -> libraries.put(e, jar.read(e)));
    }

    @Test
    void weighsLessThanTenMegabytes() throws IOException {
        assertThat(Files.size(jar.path())).isLessThan(TEN_MEGABYTES);
    }

    @Test
    void embedsExactlyTheLibrariesTheAppNeeds() {
        assertThat(libraries.keySet()).extracting(EmbeddedLibrariesIT::artifactId)
                .containsExactlyInAnyOrderElementsOf(EMBEDDED);
    }

    @Test
    void leavesOutTheSdkLibrariesThatNoPathOfTheAppLoads() {
        assertThat(libraries.keySet()).extracting(EmbeddedLibrariesIT::artifactId)
                .doesNotContainAnyElementsOf(LEFT_OUT.keySet());
        assertThat(jar.entryNames()).noneMatch(e -> LEFT_OUT.values().stream()
                .anyMatch(p -> e.startsWith(p.replace('.', '/') + "/")));
    }

    @Test
    void importsNoPackageOfTheLibrariesLeftOut() {
        // An import, even optional, could wire the package to another app's copy of the SDK.
        assertThat(ManifestHeader.parse(jar.header("Import-Package")))
                .extracting(ManifestHeader.Clause::name)
                .noneMatch(name -> LEFT_OUT.values().stream().anyMatch(name::startsWith));
    }

    @Test
    void storesEveryEntryOfTheEmbeddedLibrariesSoThatThePluginJarCompressesThemTogether() {
        libraries.forEach((name, library) -> assertThat(entries(library))
                .as(name).isNotEmpty()
                .allSatisfy(e -> assertThat(e.method()).as(name + "!" + e.name()).isEqualTo(ZipEntry.STORED)));
    }

    @Test
    void embedsEachLibraryWithEveryEntryOfItsMavenArtifactUnchanged() {
        libraries.forEach((name, library) -> {
            Path artifact = artifactOnTheTestClassPath(library);
            assertThat(artifact.getFileName().toString()).isEqualTo(name.substring("META-INF/lib/".length()));
            assertThat(entries(library)).extracting(Entry::content).as(name)
                    .containsExactlyElementsOf(entries(read(artifact)).stream().map(Entry::content).toList());
        });
    }

    @Test
    void namesOnlyEmbeddedClassesInTheLibrariesServiceFiles() {
        Set<String> classes = new HashSet<>();
        Map<String, List<String>> providers = new LinkedHashMap<>();
        libraries.forEach((name, library) -> entries(library).forEach(e -> {
            if (e.name().endsWith(".class")) {
                classes.add(e.name().substring(0, e.name().length() - ".class".length()).replace('/', '.'));
            } else if (e.name().startsWith("META-INF/services/") && !e.name().endsWith("/")) {
                providers.put(name + "!" + e.name(), providerNames(e.bytes()));
            }
        }));

        assertThat(providers).isNotEmpty();
        providers.forEach((file, names) -> assertThat(classes).as(file).containsAll(names));
    }

    private static String artifactId(String entry) {
        Matcher matcher = LIBRARY.matcher(entry);
        assertThat(matcher.matches()).as(entry).isTrue();
        return matcher.group(1);
    }

    /** The jar the test class path loads the library's first class from: the artifact Maven resolved. */
    private static Path artifactOnTheTestClassPath(byte[] library) {
        String someClass = entries(library).stream().map(Entry::name).filter(n -> n.endsWith(".class"))
                .filter(n -> !n.startsWith("META-INF/")).findFirst().orElseThrow();
        URL url = EmbeddedLibrariesIT.class.getClassLoader().getResource(someClass);
        assertThat(url).as(someClass + " on the test class path").isNotNull();
        try {
            String location = url.toString();
            assertThat(location).startsWith("jar:file:");
            return Path.of(new URI(location.substring("jar:".length(), location.indexOf("!/"))));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> providerNames(byte[] serviceFile) {
        return new String(serviceFile, StandardCharsets.UTF_8).lines()
                .map(line -> line.replaceAll("#.*", "").trim())
                .filter(line -> !line.isEmpty())
                .collect(Collectors.toList());
    }

    private static List<Entry> entries(byte[] library) {
        List<Entry> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(library))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.add(new Entry(entry.getName(), entry.getMethod(), in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Entry(String name, int method, byte[] bytes) {
        /** Name, size and checksum: equal for the same file whatever its compression. */
        String content() {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return name + " " + bytes.length + " " + Long.toHexString(crc.getValue());
        }
    }
}
