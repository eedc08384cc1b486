package dev.awsconnectors.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules the pages' sources keep so that one change is made once: banners come from the one banner macro, every
 * template names the variables it is given, colours are design tokens that follow Jira's theme, and the pages' own
 * ids and classes share the one prefix {@code awsc-} (the i18n keys' and data attributes' too).
 */
class FrontEndConventionsTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path WEB = Path.of("src/main/resources/web");
    private static final Path BANNER_LIBRARY = TEMPLATES.resolve("banner.vm");
    private static final String PARSE_BANNER_LIBRARY = "#parse(\"templates/banner.vm\")";
    private static final Pattern HEADER = Pattern.compile(
            "#\\* @vtlvariable name=\"(\\w+)\" type=\"([\\w.$]+)\" \\*#");
    private static final Pattern REFERENCE = Pattern.compile("\\$!?\\{?([a-zA-Z]\\w*)");
    private static final Pattern LOOP_VARIABLE = Pattern.compile("#foreach\\(\\$(\\w+)");
    private static final Pattern SET_VARIABLE = Pattern.compile("#set\\(\\$(\\w+)");
    private static final Pattern MACRO_PARAMETERS = Pattern.compile("#macro\\(\\w+([^)]*)\\)");
    /**
     * An id or class of the older prefix {@code aws-}: not after a letter, a hyphen, a slash or a colon, so paths
     * ({@code /plugins/servlet/aws-connectors}) and module keys ({@code dev.awsconnectors.aws-connectors-jira:…})
     * do not count. Jira's admin menu keys in {@code <meta>} tags are the descriptor's, not the pages' own.
     */
    private static final Pattern OLD_PREFIX = Pattern.compile("(?<![\\w/:-])aws-[a-z]");
    /** A colour written as a value: #abc, #aabbcc, #aabbccdd, rgb(…) or rgba(…). */
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{3,8}\\b|rgba?\\([^)]*\\)");
    /** A design token with its fallback, e.g. {@code var(--ds-border, #dfe1e6)}. */
    private static final Pattern TOKEN = Pattern.compile(
            "var\\(--ds-[a-z-]+, ?(#[0-9a-fA-F]{3,8}|[^()]*\\([^)]*\\)[^()]*)\\)");

    @Test
    void everyBannerOfThePagesIsDrawnByTheOneBannerMacro() throws IOException {
        Map<Path, String> pages = pageTemplates();

        assertThat(pages).isNotEmpty();
        pages.forEach((page, text) -> {
            assertThat(text).as(page.toString()).doesNotContain("aui-message");
            assertThat(text).as(page.toString()).contains(PARSE_BANNER_LIBRARY);
        });
        assertThat(Files.readString(BANNER_LIBRARY)).contains("class=\"aui-message aui-message-");
    }

    @Test
    void everyTemplateNamesTheVariablesItIsGivenInVtlvariableHeaders() throws IOException {
        Map<Path, String> templates = new LinkedHashMap<>(pageTemplates());
        templates.put(BANNER_LIBRARY, Files.readString(BANNER_LIBRARY));

        for (Map.Entry<Path, String> template : templates.entrySet()) {
            String text = template.getValue();
            Map<String, String> declared = new TreeMap<>();
            Matcher header = HEADER.matcher(text);
            while (header.find()) {
                declared.put(header.group(1), header.group(2));
            }

            assertThat(declared.keySet()).as(template.getKey().toString()).isEqualTo(givenVariables(text));
            declared.forEach((name, type) -> assertThat(loads(type))
                    .as("%s: the type of $%s, %s", template.getKey(), name, type).isTrue());
        }
    }

    @Test
    void theStylesAndScriptsColourOnlyThroughDesignTokensWithAFallback() throws IOException {
        List<String> bare = new ArrayList<>();
        for (Path file : files(WEB, ".css", ".js")) {
            String withoutTokens = TOKEN.matcher(Files.readString(file)).replaceAll("");
            Matcher colour = COLOUR.matcher(withoutTokens);
            while (colour.find()) {
                bare.add(file + ": " + colour.group());
            }
        }

        assertThat(bare).isEmpty();
    }

    @Test
    void thePagesOwnIdsAndClassesShareThePrefixAwsc() throws IOException {
        List<String> old = new ArrayList<>();
        for (Path file : files(Path.of("src/main/resources"), ".vm", ".js", ".css")) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.startsWith("##") && !line.contains("<meta ") && OLD_PREFIX.matcher(line).find()) {
                    old.add(file + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }

        assertThat(old).isEmpty();
    }

    /** The references a template reads from its context: not its loop variables, #set variables or macro parameters. */
    private static Set<String> givenVariables(String text) {
        String code = text.lines().filter(line -> !line.startsWith("##") && !line.startsWith("#* @vtlvariable"))
                .collect(Collectors.joining("\n"));
        Set<String> names = matches(REFERENCE, code);
        names.removeAll(matches(LOOP_VARIABLE, code));
        names.removeAll(matches(SET_VARIABLE, code));
        Matcher macro = MACRO_PARAMETERS.matcher(code);
        while (macro.find()) {
            names.removeAll(matches(Pattern.compile("\\$(\\w+)"), macro.group(1)));
        }
        return names;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static boolean loads(String type) {
        try {
            Class.forName(type, false, FrontEndConventionsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Map<Path, String> pageTemplates() throws IOException {
        Map<Path, String> pages = new TreeMap<>();
        for (Path file : files(TEMPLATES, ".vm")) {
            if (!file.equals(BANNER_LIBRARY)) {
                pages.put(file, Files.readString(file));
            }
        }
        return pages;
    }

    private static List<Path> files(Path root, String... suffixes) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(suffixes).anyMatch(suffix -> file.toString().endsWith(suffix)))
                    .sorted().toList();
        }
    }
}
