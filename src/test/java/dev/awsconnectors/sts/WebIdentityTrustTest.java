package dev.awsconnectors.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebIdentityTrustTest {
    private static final UUID CONNECTOR = UUID.fromString("6f1c2a4e-0b7d-4c1e-9a55-2f7e8d9c0b1a");
    private static final String ISSUER = "https://jira.example.com/rest/aws-connectors/1.0/oidc";
    private static final String ROLE = "arn:aws:iam::123456789012:role/deploy";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void namesTheConnectorAndTheUserOrSystemInTheSubject() {
        assertThat(WebIdentityTrust.subject(CONNECTOR, SessionOwner.jiraUser("alice")))
                .isEqualTo("connector:" + CONNECTOR + ":user:alice");
        assertThat(WebIdentityTrust.subject(CONNECTOR, SessionOwner.system()))
                .isEqualTo("connector:" + CONNECTOR + ":system");
    }

    @Test
    void keepsTheSubjectWithinAwsLimitsWhateverTheUserName() {
        String subject = WebIdentityTrust.subject(CONNECTOR, SessionOwner.jiraUser("ö".repeat(300) + " <x>"));

        assertThat(subject).hasSizeLessThanOrEqualTo(255).matches("connector:[0-9a-f-]{36}:user:[\\w+=,.@-]{2,64}");
    }

    @Test
    void writesTheProviderInputWithTheAudienceAsItsClientId() throws Exception {
        JsonNode provider = json.readTree(WebIdentityTrust.openIdConnectProviderJson(ISSUER, "sts.amazonaws.com"));

        assertThat(provider.get("Url").asText()).isEqualTo(ISSUER);
        assertThat(provider.get("ClientIDList")).hasSize(1);
        assertThat(provider.get("ClientIDList").get(0).asText()).isEqualTo("sts.amazonaws.com");
    }

    @Test
    void restrictsTheTrustPolicyToTheConnectorsSubjectsAndTheAudience() throws Exception {
        JsonNode statement = json.readTree(WebIdentityTrust.trustPolicyJson(ROLE, ISSUER, "sts.amazonaws.com",
                CONNECTOR, false, false)).get("Statement").get(0);

        assertThat(statement.at("/Principal/Federated").asText()).isEqualTo(
                "arn:aws:iam::123456789012:oidc-provider/jira.example.com/rest/aws-connectors/1.0/oidc");
        assertThat(statement.get("Action")).extracting(JsonNode::asText)
                .containsExactly("sts:AssumeRoleWithWebIdentity");
        String provider = "jira.example.com/rest/aws-connectors/1.0/oidc";
        assertThat(statement.at("/Condition/StringEquals").get(provider + ":aud").asText())
                .isEqualTo("sts.amazonaws.com");
        assertThat(statement.at("/Condition/StringLike").get(provider + ":sub").asText())
                .isEqualTo("connector:" + CONNECTOR + ":*");
    }

    @Test
    void admitsOnlySystemRequestsWhenAsked() throws Exception {
        JsonNode statement = json.readTree(WebIdentityTrust.trustPolicyJson(ROLE, ISSUER, "sts.amazonaws.com",
                CONNECTOR, true, false)).get("Statement").get(0);

        assertThat(statement.at("/Condition/StringEquals").get("jira.example.com/rest/aws-connectors/1.0/oidc:sub")
                .asText()).isEqualTo("connector:" + CONNECTOR + ":system");
        assertThat(statement.at("/Condition/StringLike").isMissingNode()).isTrue();
    }

    @Test
    void allowsTagsAndSourceIdentityOnlyForConnectorsThatSendThem() throws Exception {
        JsonNode statement = json.readTree(WebIdentityTrust.trustPolicyJson(ROLE, ISSUER, "sts.amazonaws.com",
                CONNECTOR, false, true)).get("Statement").get(0);

        assertThat(statement.get("Action")).extracting(JsonNode::asText).containsExactly(
                "sts:AssumeRoleWithWebIdentity", "sts:SetSourceIdentity", "sts:TagSession");
    }

    @Test
    void takesThePartitionAndAccountFromTheRole() {
        assertThat(WebIdentityTrust.providerArn("arn:aws-us-gov:iam::210987654321:role/x", ISSUER))
                .startsWith("arn:aws-us-gov:iam::210987654321:oidc-provider/jira.example.com/");
        assertThatThrownBy(() -> WebIdentityTrust.providerArn("arn:aws:s3:::bucket", ISSUER))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
