package dev.awsconnectors.web.user;

import com.atlassian.sal.api.message.I18nResolver;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.PrincipalType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The duration texts, formatted with the real i18n file as Jira formats it (MessageFormat). */
class DurationChoicesTest {
    private final I18nResolver i18n = mock(I18nResolver.class);

    @BeforeEach
    void realTexts() throws Exception {
        Properties texts = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/aws-connectors.properties")) {
            texts.load(in);
        }
        when(i18n.getText(anyString())).thenAnswer(call -> format(texts, call.getArgument(0)));
        when(i18n.getText(anyString(), any(Serializable[].class))).thenAnswer(call -> {
            Object[] all = call.getArguments();
            Object[] arguments = new Object[all.length - 1];
            System.arraycopy(all, 1, arguments, 0, arguments.length);
            return format(texts, (String) all[0], arguments);
        });
    }

    private static String format(Properties texts, String key, Object... arguments) {
        return new MessageFormat(texts.getProperty(key), Locale.ENGLISH).format(arguments);
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(DurationChoices.describe(900, i18n)).isEqualTo("15 minutes");
        assertThat(DurationChoices.describe(60, i18n)).isEqualTo("1 minute");
        assertThat(DurationChoices.describe(3_600, i18n)).isEqualTo("1 hour");
        assertThat(DurationChoices.describe(5_400, i18n)).isEqualTo("1 hour 30 minutes");
        assertThat(DurationChoices.describe(129_600, i18n)).isEqualTo("36 hours");
        assertThat(DurationChoices.describe(1_001, i18n)).isEqualTo("1001 seconds");
    }

    @Test
    void theChoicesStopAtTheConnectorsMaximumAndPreselectAnHour() {
        ConnectorSummary connector = ConnectorSummary.builder(UUID.randomUUID(), "c", PrincipalType.IAM_ROLE)
                .maxDuration(Duration.ofMinutes(150)).build();

        assertThat(DurationChoices.of(connector, i18n)).extracting(o -> o.get("label"))
                .containsExactly("15 minutes", "30 minutes", "1 hour", "2 hours", "2 hours 30 minutes (maximum)");
        assertThat(DurationChoices.of(connector, i18n)).filteredOn(o -> o.get("selected").equals("true"))
                .extracting(o -> o.get("value")).containsExactly("3600");
    }

    @Test
    void withoutAMaximumAwsDefaultComesFirstAndARoleStopsAtAnHour() {
        ConnectorSummary role = ConnectorSummary.builder(UUID.randomUUID(), "r", PrincipalType.IAM_ROLE).build();

        assertThat(DurationChoices.of(role, i18n)).extracting(o -> o.get("value"))
                .containsExactly("", "900", "1800", "3600");
        assertThat(DurationChoices.describeMaximum(role, i18n)).isEqualTo("AWS default");
    }
}
