package dev.awsconnectors.web.admin;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the i18n file and its users in step: every key quoted in a class under {@code src/main/java}, a template
 * under {@code src/main/resources/templates} or the plugin descriptor must have a text, and every text must be used.
 * A key is "used" when it appears as a whole quoted string ({@code "awsc.…"}); keys that are put together at run
 * time are listed in {@link #BUILT_AT_RUN_TIME}.
 */
class I18nKeysTest {
    private static final Path MAIN_JAVA = Paths.get("src/main/java");
    private static final Path TEMPLATES = Paths.get("src/main/resources/templates");
    private static final Path DESCRIPTOR = Paths.get("atlassian-plugin.xml");
    private static final Pattern QUOTED_KEY = Pattern.compile("\"(awsc\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

    /** Keys that no file quotes whole, because code builds them. */
    private static final Set<String> BUILT_AT_RUN_TIME = Set.of(
            // ConnectorForm.typeInfo: "awsc.admin.type." + federatedUser|iamUser|iamRole + "." + aspect
            "awsc.admin.type.federatedUser.call", "awsc.admin.type.federatedUser.policies",
            "awsc.admin.type.federatedUser.console", "awsc.admin.type.federatedUser.mfa",
            "awsc.admin.type.federatedUser.identity",
            "awsc.admin.type.iamUser.call", "awsc.admin.type.iamUser.policies", "awsc.admin.type.iamUser.console",
            "awsc.admin.type.iamUser.mfa", "awsc.admin.type.iamUser.identity",
            "awsc.admin.type.iamRole.call", "awsc.admin.type.iamRole.policies", "awsc.admin.type.iamRole.console",
            "awsc.admin.type.iamRole.mfa", "awsc.admin.type.iamRole.identity");

    @Test
    void everyKeyUsedInAClassTemplateOrTheDescriptorHasAText() throws IOException {
        Set<String> used = usedKeys();
        assertThat(used).as("keys used in src/main/java, the templates and the descriptor, without a text")
                .isSubsetOf(texts());
    }

    @Test
    void everyTextIsUsedSomewhere() throws IOException {
        Set<String> unused = new TreeSet<>(texts());
        unused.removeAll(usedKeys());
        unused.removeAll(BUILT_AT_RUN_TIME);
        assertThat(unused).as("texts of i18n/aws-connectors.properties that nothing uses").isEmpty();
    }

    @Test
    void theKeysBuiltAtRunTimeHaveTexts() throws IOException {
        assertThat(BUILT_AT_RUN_TIME).isSubsetOf(texts());
    }

    private static Set<String> texts() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18nKeysTest.class.getResourceAsStream("/i18n/aws-connectors.properties")) {
            properties.load(in);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path root : new Path[] {MAIN_JAVA, TEMPLATES}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".vm")).toList()) {
                    collect(Files.readString(file, StandardCharsets.UTF_8), keys);
                }
            }
        }
        collect(Files.readString(DESCRIPTOR, StandardCharsets.UTF_8), keys);
        return keys;
    }

    private static void collect(String text, Set<String> keys) {
        Matcher matcher = QUOTED_KEY.matcher(text);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
    }
}
