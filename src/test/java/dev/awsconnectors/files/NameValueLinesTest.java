package dev.awsconnectors.files;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NameValueLinesTest {

    @Test
    void splitsEachLineAtItsFirstEqualsSkippingCommentsAndBlankLinesAndNumbersLinesFromOne() {
        String text = "# a comment\n\n  format=1  \nkey.ab=AAA=\n   \n#key.cd=ignored\ncurrent=\n";

        List<NameValueLines.Line> lines = new ArrayList<>();
        NameValueLines.of(text, IllegalStateException::new).forEach(lines::add);

        assertThat(lines).containsExactly(
                new NameValueLines.Line(3, "format", "1"),
                new NameValueLines.Line(4, "key.ab", "AAA="),
                new NameValueLines.Line(7, "current", ""));
    }

    @Test
    void refusesALineWithoutEqualsOnlyWhenTheReaderReachesItNamingItsNumberButNotItsContent() {
        String text = "format=1\nkey.ab=bad\nsecret material\n";
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> {
            for (NameValueLines.Line line : NameValueLines.of(text, IllegalStateException::new)) {
                seen.add(line.name());
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("line 3 is not name=value");
        assertThat(seen).as("the earlier lines were handed over first").containsExactly("format", "key.ab");

        assertThatThrownBy(() -> {
            for (NameValueLines.Line line : NameValueLines.of(text, IllegalStateException::new)) {
                if (line.name().equals("key.ab")) {
                    throw new IllegalArgumentException("the key on line " + line.number() + " is bad");
                }
            }
        }).as("an earlier line the owner refuses is reported first").hasMessage("the key on line 2 is bad");
    }
}
