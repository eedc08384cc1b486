package dev.awsconnectors.files;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The text format of the app's key files: one {@code name=value} a line (split at the first {@code =}, the line
 * stripped of surrounding white space), {@code #} lines and blank lines ignored. What the names mean stays with the
 * owner of the file.
 */
public final class NameValueLines {

    private NameValueLines() {
    }

    /** One setting, with its line number (from 1) so that errors can name the line without quoting it. */
    public record Line(int number, String name, String value) {
    }

    /**
     * The settings of {@code text}, split one at a time as they are iterated: a line that is not {@code name=value}
     * is refused only when the iteration reaches it, so that an owner that refuses an earlier line reports that one
     * first, as a reader going down the file would.
     *
     * @param damaged the error for a line that is not {@code name=value}, given why ("line 3 is not name=value");
     *                it names the line only, since a damaged line may still hold key material
     */
    public static Iterable<Line> of(String text, Function<String, ? extends RuntimeException> damaged) {
        Objects.requireNonNull(damaged, "damaged");
        List<String> lines = text.lines().toList();
        return () -> IntStream.range(0, lines.size())
                .mapToObj(i -> new Raw(i + 1, lines.get(i).strip()))
                .filter(raw -> !raw.text().isEmpty() && !raw.text().startsWith("#"))
                .map(raw -> {
                    int equals = raw.text().indexOf('=');
                    if (equals < 0) {
                        throw damaged.apply("line " + raw.number() + " is not name=value");
                    }
                    return new Line(raw.number(), raw.text().substring(0, equals), raw.text().substring(equals + 1));
                })
                .iterator();
    }

    private record Raw(int number, String text) {
    }
}
