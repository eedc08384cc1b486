package dev.awsconnectors.admintasks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretScrubbingTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void removesTheSecretFromAnyMessageWhateverProducedIt() {
        assertThat(AccessKeyRotation.scrub("value 'abc" + SECRET.substring(0, 12) + "' ... " + SECRET + "!", SECRET))
                .doesNotContain(SECRET).contains("[redacted]");
    }

    @Test
    void removesAnythingShapedLikeKeyMaterialEvenWhenTheSecretIsNotKnown() {
        assertThat(AccessKeyRotation.scrub("token FwoGZXIvYXdzEBYaDHqa0AP1/2xl+KaQxyKuAfN0xzTkJ= rest", null))
                .isEqualTo("token [redacted] rest");
    }

    @Test
    void keepsKeyIdsArnsAndRequestIds() {
        String text = "Key AKIAIOSFODNN7EXAMPLE of arn:aws:iam::123456789012:user/jira-broker "
                + "(AWS request id 4bb02eca-8abb-4a5a-909c-ea9177cf8030)";

        assertThat(AccessKeyRotation.scrub(text, SECRET)).isEqualTo(text);
    }

    @Test
    void reportsAndTheirStepsShowNoSecretInToString() {
        RotationReport report = new RotationReport(java.util.List.of(new RotationReport.Step(RotationReport.CREATE,
                RotationReport.Outcome.SUCCEEDED, dev.awsconnectors.i18n.Text.of("awsc.admin.rotate.report.created",
                        "AKIAIOSFODNN7EXAMPLE", "IAM user 'jira-broker'"))), true,
                "AKIAIOSFODNN7EXAMPLE");

        assertThat(report.toString()).contains("AKIAIOSFODNN7EXAMPLE").doesNotContainPattern("[A-Za-z0-9/+=]{40,}");
    }
}
