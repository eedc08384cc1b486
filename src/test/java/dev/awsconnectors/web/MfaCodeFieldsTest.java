package dev.awsconnectors.web;

import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' MFA code fields let the browser stop a mistyped code before it is sent, with their {@code pattern}
 * attribute; the rule that decides is the exported API's ({@link CredentialsRequest#withMfaCode(String)}). The
 * attribute must let through exactly the codes the rule takes, so that a browser never refuses a good code nor the
 * server a code the browser let through without saying why.
 */
class MfaCodeFieldsTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern MFA_INPUT = Pattern.compile("<input[^>]*\\bname=\"mfaCode\"[^>]*>");
    private static final Pattern PATTERN_ATTRIBUTE = Pattern.compile("\\bpattern=\"([^\"]*)\"");
    private static final String[] CODES = {"123456", "000000", "12345", "1234567", "12345a", "abcdef", "１２３４５６",
            "12 345", ""};

    @Test
    void everyMfaCodeFieldAcceptsExactlyTheCodesTheApiTakes() throws IOException {
        List<String> patterns = fieldPatterns();

        assertThat(patterns).hasSizeGreaterThanOrEqualTo(3);
        for (String pattern : patterns) {
            for (String code : CODES) {
                // An HTML pattern must match the whole value, as String.matches does.
                assertThat(code.matches(pattern)).as("pattern %s on \"%s\"", pattern, code).isEqualTo(apiTakes(code));
            }
        }
    }

    private static boolean apiTakes(String code) {
        try {
            CredentialsRequest.defaults().withMfaCode(code);
            return true;
        } catch (InvalidCredentialsRequestException e) {
            return false;
        }
    }

    private static List<String> fieldPatterns() throws IOException {
        List<String> patterns = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".vm")).sorted().toList()) {
                Matcher input = MFA_INPUT.matcher(Files.readString(file));
                while (input.find()) {
                    Matcher pattern = PATTERN_ATTRIBUTE.matcher(input.group());
                    assertThat(pattern.find()).as("an MFA code field of %s has a pattern", file).isTrue();
                    patterns.add(pattern.group(1));
                }
            }
        }
        return patterns;
    }
}
