package dev.awsconnectors.rest;

import com.atlassian.audit.entity.AuditResource;
import com.fasterxml.jackson.databind.JsonNode;
import dev.awsconnectors.rest.RestCalls.Answer;
import dev.awsconnectors.rest.RestCalls.Who;
import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProcessCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.awsconnectors.rest.RestCalls.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user endpoints of the REST API, over real HTTP to the demo host with the real plugin, Jersey and REST v2
 * security, and the local AWS double behind it. alice is in aws-developers (may use "Developers (federated)" and
 * "Developers (role)"), bob is in no group, admin may use every connector ("Break glass" is admins only).
 */
@OnBuiltJar
class UserRestApiTest {
    private static final String FEDERATED = "Developers (federated)";
    private static final String ROLE = "Developers (role)";
    private static final String BREAK_GLASS = "Break glass";
    private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

    @TempDir
    static Path home;

    private static DemoHost jira;
    private static RestCalls rest;
    private static final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    static void startTheDemoHost() {
        jira = DemoHost.start(DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build());
        rest = new RestCalls(jira);
        for (JsonNode connector : rest.get(Who.ADMIN, "/connectors").json().get("values")) {
            ids.put(connector.get("name").asText(), connector.get("id").asText());
        }
        assertThat(ids).containsKeys(FEDERATED, ROLE, BREAK_GLASS);
    }

    @AfterAll
    static void stopTheDemoHost() {
        if (jira != null) {
            jira.close();
        }
    }

    private static String path(String template) {
        return template.replace("{federated}", ids.get(FEDERATED)).replace("{role}", ids.get(ROLE))
                .replace("{breakGlass}", ids.get(BREAK_GLASS)).replace("{unknown}", UNKNOWN);
    }

    @ParameterizedTest(name = "GET {0}: anonymous {1}, bob {2}, alice {3}, admin {4}")
    @CsvSource({
            "/connectors,                                                401, 200, 200, 200",
            "/connectors/{federated}/credentials,                        401, 404, 200, 200",
            "/connectors/{role}/credentials?format=credential_process,   401, 404, 200, 200",
            "/connectors/{breakGlass}/credentials,                       401, 404, 404, 200",
            "/connectors/{federated}/console,                            401, 404, 200, 200",
            "/connectors/{role}/console?durationSeconds=900,             401, 404, 200, 200",
            "/connectors/{breakGlass}/console,                           401, 404, 404, 400",
            "/connectors/{role}/caller-identity,                         401, 404, 200, 200",
            "/connectors/{breakGlass}/caller-identity,                   401, 404, 404, 200",
            "/connectors/{unknown}/credentials,                          401, 404, 404, 404",
            "/connectors/not-a-connector-id/console,                     401, 404, 404, 404",
            "/connectors/{unknown}/caller-identity,                      401, 404, 404, 404",
    })
    void everyUserEndpointAnswersEachKindOfCallerAsTheAccessRulesSay(String template, int anonymous, int bob,
                                                                      int alice, int admin) {
        String path = path(template);
        Map<Who, Integer> expected = Map.of(Who.ANONYMOUS, anonymous, Who.BOB, bob, Who.ALICE, alice,
                Who.ADMIN, admin);
        for (Who who : Who.values()) {
            Answer answer = rest.get(who, path);
            assertThat(answer.status()).as("GET %s as %s: %s", template, who, answer.body())
                    .isEqualTo(expected.get(who));
            assertThat(answer.contentType()).as("GET %s as %s", template, who).startsWith("application/json");
            JsonNode body = answer.json();
            if (answer.status() >= 400) {
                assertThat(body.path("message").asText()).as("the error of GET %s as %s", template, who)
                        .isNotBlank();
            }
            if (answer.status() >= 400 && who != Who.ANONYMOUS) {
                assertThat(body.get("status").asInt()).isEqualTo(answer.status());
            }
        }
    }

    @Test
    void theConnectorListShowsEachCallerOnlyWhatTheyMayUse() {
        assertThat(names(rest.get(Who.BOB, "/connectors").json().get("values"))).isEmpty();
        assertThat(names(rest.get(Who.ALICE, "/connectors").json().get("values")))
                .containsExactly(FEDERATED, "Developers (keyless)", ROLE);
        assertThat(names(rest.get(Who.ADMIN, "/connectors").json().get("values"))).containsExactlyInAnyOrder(FEDERATED, ROLE,
                BREAK_GLASS, "Developers (keyless)");
        JsonNode federated = rest.get(Who.ALICE, "/connectors").json().get("values").get(0);
        assertThat(fieldNames(federated)).containsExactly("id", "name", "description", "principalType",
                "maxDurationSeconds", "consoleSignIn", "mfaRequired");
        assertThat(federated.get("principalType").asText()).isEqualTo("FEDERATED_USER");
        assertThat(federated.get("consoleSignIn").asBoolean()).isTrue();
    }

    @Test
    void credentialsHaveTheDocumentedFieldsAndWorkAgainstAwsAsTheCallersFederatedUser() {
        Answer answer = rest.get(Who.ALICE, path("/connectors/{federated}/credentials?durationSeconds=3600"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.raw().headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        JsonNode credentials = answer.json();
        assertThat(fieldNames(credentials)).containsExactly("accessKeyId", "secretAccessKey", "sessionToken",
                "expiration", "principalArn");
        Instant expiration = Instant.parse(credentials.get("expiration").asText());
        assertThat(expiration).isAfter(Instant.now().plusSeconds(3000)).isBefore(Instant.now().plusSeconds(3700));
        assertThat(credentials.get("principalArn").asText()).endsWith(":federated-user/alice");

        GetCallerIdentityResponse identity = callerIdentity(AwsSessionCredentials.create(
                credentials.get("accessKeyId").asText(), credentials.get("secretAccessKey").asText(),
                credentials.get("sessionToken").asText()));
        assertThat(identity.arn()).isEqualTo(credentials.get("principalArn").asText());
    }

    @Test
    void callerIdentityIsWhoAwsSeesForTheCallersCredentials() {
        JsonNode identity = rest.get(Who.ALICE, path("/connectors/{role}/caller-identity")).json();

        assertThat(fieldNames(identity)).containsExactly("account", "arn", "userId");
        assertThat(identity.get("account").asText()).matches("\\d{12}");
        assertThat(identity.get("arn").asText()).contains(":assumed-role/").endsWith("/alice");
        JsonNode credentials = rest.get(Who.ALICE, path("/connectors/{role}/credentials")).json();
        assertThat(credentials.get("principalArn").asText()).isEqualTo(identity.get("arn").asText());
    }

    @Test
    void credentialProcessFormatIsExactlyTheAwsCliSchemaAndTheSdkAcceptsIt() throws Exception {
        Answer answer = rest.get(Who.ALICE, path("/connectors/{role}/credentials?format=credential_process"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode output = answer.json();
        // https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sourcing-external.html
        assertThat(fieldNames(output)).containsExactly("Version", "AccessKeyId", "SecretAccessKey", "SessionToken",
                "Expiration");
        assertThat(output.get("Version").isInt()).as("Version is the number 1, not a string").isTrue();
        assertThat(output.get("Version").intValue()).isEqualTo(1);
        for (String key : List.of("AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration")) {
            assertThat(output.get(key).isTextual()).as(key).isTrue();
            assertThat(output.get(key).asText()).as(key).isNotBlank();
        }
        Instant expiration = Instant.from(DateTimeFormatter.ISO_INSTANT.parse(output.get("Expiration").asText()));
        assertThat(expiration).isAfter(Instant.now());

        // The SDK's own credential_process provider runs a command and reads its output, as the CLI does.
        Path outputFile = home.resolve("credential-process.json");
        Files.writeString(outputFile, answer.body(), StandardCharsets.UTF_8);
        AwsCredentials fromProcess;
        try (ProcessCredentialsProvider provider = ProcessCredentialsProvider.builder()
                .command(List.of("cat", outputFile.toString())).build()) {
            fromProcess = provider.resolveCredentials();
        }
        assertThat(fromProcess).isInstanceOf(AwsSessionCredentials.class);
        assertThat(fromProcess.accessKeyId()).isEqualTo(output.get("AccessKeyId").asText());
        assertThat(((AwsSessionCredentials) fromProcess).expirationTime()).contains(expiration);
        assertThat(callerIdentity(fromProcess).arn()).contains(":assumed-role/").endsWith("/alice");
    }

    @Test
    void aConsoleSignInIsAUrlOfTheFederationEndpointWithItsExpiry() {
        JsonNode signIn = rest.get(Who.ALICE, path("/connectors/{federated}/console")).json();

        assertThat(fieldNames(signIn)).containsExactly("url", "expiresAt");
        assertThat(signIn.get("url").asText()).startsWith(jira.localAwsEndpoint().orElseThrow().toString())
                .contains("SigninToken=");
        assertThat(Instant.parse(signIn.get("expiresAt").asText())).isAfter(Instant.now());
    }

    @Test
    void refusalsAndBadInputAreJsonErrorsThatNameTheFieldAtFault() {
        // A connector that is not the caller's answers exactly as one that does not exist.
        JsonNode notBobs = rest.get(Who.BOB, path("/connectors/{federated}/credentials")).json();
        assertThat(notBobs.get("status").asInt()).isEqualTo(404);
        assertThat(notBobs.get("message").asText()).isEqualTo("There is no AWS connector with id "
                + ids.get(FEDERATED) + ".");
        assertThat(notBobs.has("field")).isFalse();
        assertThat(jira.auditLog().events()).last().satisfies(event -> {
            assertThat(event.getActionI18nKey()).isEqualTo("awsc.audit.credentials.denied");
            assertThat(event.getExtraAttributes()).anySatisfy(attribute -> {
                assertThat(attribute.getNameI18nKey()).isEqualTo("awsc.audit.attribute.reason");
                assertThat(attribute.getValue()).as("the audit log keeps the rule that refused")
                        .isEqualTo("NOT_IN_CONNECTOR_GROUPS");
            });
        });
        assertThat(notBobs.toString()).isEqualTo(rest.get(Who.BOB, path("/connectors/{unknown}/credentials")).json()
                .toString().replace(UNKNOWN, ids.get(FEDERATED)));
        JsonNode adminsOnly = rest.get(Who.ALICE, path("/connectors/{breakGlass}/console")).json();
        assertThat(adminsOnly.get("status").asInt()).isEqualTo(404);
        assertThat(adminsOnly.get("message").asText()).doesNotContain("administrators");

        assertError(rest.get(Who.ALICE, path("/connectors/{federated}/credentials?durationSeconds=soon")), 400,
                "durationSeconds");
        assertError(rest.get(Who.ALICE, path("/connectors/{federated}/credentials?durationSeconds=60")), 400,
                "durationSeconds");
        assertError(rest.get(Who.ALICE, path("/connectors/{federated}/credentials?durationSeconds=-5")), 400,
                "durationSeconds");
        assertError(rest.get(Who.ALICE, path("/connectors/{federated}/credentials?mfaCode=12")), 400, "mfaCode");
        assertError(rest.get(Who.ALICE, path("/connectors/{federated}/credentials?mfaCode=123456")), 400,
                "mfaCode");
        assertError(rest.get(Who.ALICE, path("/connectors/{federated}/credentials?format=ini")), 400, "format");
        assertError(rest.get(Who.ADMIN, path("/connectors/{breakGlass}/console")), 400, "principalType");

        JsonNode unknown = rest.get(Who.ALICE, path("/connectors/{unknown}/credentials")).json();
        assertThat(unknown.get("status").asInt()).isEqualTo(404);
        assertThat(unknown.get("message").asText()).contains(UNKNOWN);

        Answer noSuchPath = rest.get(Who.ALICE, "/connectors/" + ids.get(FEDERATED) + "/keys");
        assertThat(noSuchPath.status()).isEqualTo(404);
        assertThat(noSuchPath.json().get("status").asInt()).isEqualTo(404);
        Answer wrongMethod = rest.post(Who.ALICE, path("/connectors/{federated}/credentials"), "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("status").asInt()).isEqualTo(405);

        Answer anonymous = rest.get(Who.ANONYMOUS, path("/connectors/{federated}/credentials"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("message").asText()).isNotBlank();
    }

    @Test
    void anUnknownConnectorOnCallerIdentityIsAuditedAndAnsweredAsOnCredentials() {
        int eventsBefore = jira.auditLog().events().size();

        Answer identity = rest.get(Who.ALICE, path("/connectors/{unknown}/caller-identity"));

        assertThat(identity.status()).isEqualTo(404);
        assertThat(jira.auditLog().events()).hasSize(eventsBefore + 1).last().satisfies(event -> {
            assertThat(event.getActionI18nKey()).isEqualTo("awsc.audit.credentials.denied");
            assertThat(event.getAffectedObjects()).extracting(AuditResource::getId).containsExactly(UNKNOWN);
            assertThat(event.getExtraAttributes()).anySatisfy(attribute -> {
                assertThat(attribute.getNameI18nKey()).isEqualTo("awsc.audit.attribute.denial");
                assertThat(attribute.getValue()).isEqualTo("CONNECTOR_NOT_FOUND");
            });
        });
        assertThat(identity.json()).isEqualTo(rest.get(Who.ALICE, path("/connectors/{unknown}/credentials")).json());
        assertThat(jira.auditLog().events()).as("/credentials audits it the same way").hasSize(eventsBefore + 2);
    }

    @Test
    void noResponseEverCarriesTheAccountsSecretAccessKey() {
        rest.get(Who.ADMIN, path("/connectors/{breakGlass}/credentials"));
        rest.get(Who.ADMIN, path("/connectors/{breakGlass}/caller-identity"));
        List<String> secrets = new ArrayList<>(new dev.awsconnectors.testhost.demo.StoredData(jira.plugin())
                .accountSecrets());
        assertThat(secrets).isNotEmpty();
        rest.assertNoBodyContains(secrets);
    }

    private static GetCallerIdentityResponse callerIdentity(AwsCredentials credentials) {
        try (StsClient sts = StsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .endpointOverride(jira.localAwsEndpoint().orElseThrow())
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .build()) {
            return sts.getCallerIdentity();
        }
    }

    static List<String> names(JsonNode connectors) {
        List<String> names = new ArrayList<>();
        connectors.forEach(connector -> names.add(connector.get("name").asText()));
        return names;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
