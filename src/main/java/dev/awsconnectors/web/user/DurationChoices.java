package dev.awsconnectors.web.user;

import com.atlassian.sal.api.message.I18nResolver;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.connectors.PrincipalCapabilities;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The durations a user can pick for a connector's credentials: common ones up to the connector's maximum, and the
 * maximum itself. Without a maximum the choices stop at what AWS gives without asking, its default for the type's
 * call (a role's MaxSessionDuration is not known here), after an "AWS default" choice.
 */
final class DurationChoices {
    static final int[] COMMON_SECONDS = {900, 1_800, 3_600, 7_200, 14_400, 28_800, 43_200, 86_400, 129_600};
    static final int PRESELECTED_SECONDS = 3_600;

    private DurationChoices() {
    }

    /** Option rows for the template: {@code value}, {@code label}, {@code selected} ("true" or ""). */
    static List<Map<String, String>> of(ConnectorSummary connector, I18nResolver i18n) {
        List<Map<String, String>> options = new ArrayList<>();
        int ceiling;
        if (connector.getMaxDuration().isPresent()) {
            ceiling = (int) Math.min(Integer.MAX_VALUE, connector.getMaxDuration().get().getSeconds());
        } else {
            ceiling = PrincipalCapabilities.of(connector.getPrincipalType()).defaultSeconds();
            options.add(option("", i18n.getText("awsc.user.duration.awsDefault")));
        }
        for (int seconds : COMMON_SECONDS) {
            if (seconds < ceiling) {
                options.add(option(Integer.toString(seconds), describe(seconds, i18n)));
            }
        }
        options.add(option(Integer.toString(ceiling), connector.getMaxDuration().isPresent()
                ? i18n.getText("awsc.user.duration.maximum", describe(ceiling, i18n)) : describe(ceiling, i18n)));
        String preselect = options.stream().anyMatch(o -> o.get("value").equals(Integer.toString(PRESELECTED_SECONDS)))
                ? Integer.toString(PRESELECTED_SECONDS) : options.get(options.size() - 1).get("value");
        for (Map<String, String> option : options) {
            option.put("selected", option.get("value").equals(preselect) ? "true" : "");
        }
        return options;
    }

    /** The connector's maximum duration as people read it, or "AWS default". */
    static String describeMaximum(ConnectorSummary connector, I18nResolver i18n) {
        return connector.getMaxDuration().map(d -> describe(d, i18n))
                .orElseGet(() -> i18n.getText("awsc.user.duration.awsDefault"));
    }

    static String describe(Duration duration, I18nResolver i18n) {
        return describe((int) Math.min(Integer.MAX_VALUE, duration.getSeconds()), i18n);
    }

    /** "15 minutes", "1 hour", "1 hour 30 minutes"; seconds when it is not whole minutes. */
    static String describe(int seconds, I18nResolver i18n) {
        if (seconds % 60 != 0) {
            return i18n.getText("awsc.user.duration.seconds", seconds);
        }
        int hours = seconds / 3_600;
        int minutes = seconds % 3_600 / 60;
        if (hours == 0) {
            return i18n.getText("awsc.user.duration.minutes", minutes);
        }
        if (minutes == 0) {
            return i18n.getText("awsc.user.duration.hours", hours);
        }
        return i18n.getText("awsc.user.duration.hoursAndMinutes", i18n.getText("awsc.user.duration.hours", hours),
                i18n.getText("awsc.user.duration.minutes", minutes));
    }

    private static Map<String, String> option(String value, String label) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("value", value);
        option.put("label", label);
        return option;
    }
}
