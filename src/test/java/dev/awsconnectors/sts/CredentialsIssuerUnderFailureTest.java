package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.awsclients.AwsClientSettings;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.testhost.aws.AccessKey;
import dev.awsconnectors.testhost.aws.Failure;
import dev.awsconnectors.testhost.aws.LocalAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.awsconnectors.sts.StsFixtures.POLICY;
import static dev.awsconnectors.sts.StsFixtures.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer under many failures, through the local AWS double: every call gets the attempts its message claims.
 */
class CredentialsIssuerUnderFailureTest {
    private static final Pattern ATTEMPTS = Pattern.compile("after (\\d+) attempts?");
    /** Short back-off so that 60 calls of 3 attempts are quick; the number of attempts is the default's. */
    private static final AwsClientSettings FAST = AwsClientSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(6))
            .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5));

    private LocalAws aws;
    private AccessKey key;
    private AwsClients clients;
    private CredentialsIssuer issuer;

    @BeforeEach
    void start() {
        aws = LocalAws.start();
        key = aws.account("123456789012").user("jira-broker").addAccessKey();
        clients = new AwsClients(new StsFixtures.RecordingSecrets(key.secretAccessKey()), FAST);
        issuer = new CredentialsIssuer(clients, FixedWebIdentityTokens.unused());
    }

    @AfterEach
    void stop() {
        clients.close();
        aws.close();
    }

    private Account newAccount() {
        return StsFixtures.accessKeyAccount().accessKeyId(key.accessKeyId()).endpointOverride(aws.endpoint())
                .iamEndpointOverride(aws.endpoint()).build();
    }

    @Test
    void theSixtiethFailingCallOnOneAccountStillGetsTheThreeAttemptsItsMessageClaims() {
        Account account = newAccount();
        Connector connector = StsFixtures.connector(account, PrincipalType.FEDERATED_USER).policy(POLICY).build();

        for (int call = 1; call <= 60; call++) {
            aws.clearFailures();
            aws.clear();
            aws.failNext(3, "GetFederationToken", Failure.serviceUnavailable());

            AwsCallFailedException failure = failure(() -> issuer.issue(call(account, connector,
                    SessionOwner.jiraUser("alice"), null, null)));

            Matcher claimed = ATTEMPTS.matcher(failure.adminMessage());
            assertThat(claimed.find()).as("call %d: %s", call, failure.adminMessage()).isTrue();
            assertThat(aws.requests()).as("attempts AWS saw for call %d, whose message says %s", call,
                    claimed.group()).hasSize(Integer.parseInt(claimed.group(1)));
            assertThat(claimed.group(1)).as("call %d", call).isEqualTo("3");
            assertThat(failure.forUser().getMessage()).as("call %d", call).isEqualTo("AWS failed with an error on "
                    + "its side (HTTP 503) after 3 attempts. Try again in a few minutes; if it keeps failing, tell a "
                    + "Jira administrator.");
        }
    }

    private static AwsCallFailedException failure(Runnable action) {
        try {
            action.run();
        } catch (AwsRequestFailedException e) {
            assertThat(e).isInstanceOf(AwsCallFailedException.class);
            return (AwsCallFailedException) e;
        }
        throw new AssertionError("expected AWS to fail");
    }
}
