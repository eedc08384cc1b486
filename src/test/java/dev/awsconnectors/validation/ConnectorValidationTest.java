package dev.awsconnectors.validation;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.connectors.TypedField;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.awsconnectors.validation.Fixtures.POLICY;
import static dev.awsconnectors.validation.Fixtures.ROLE_ARN;
import static dev.awsconnectors.validation.Fixtures.accessKeyAccount;
import static dev.awsconnectors.validation.Fixtures.federatedUser;
import static dev.awsconnectors.validation.Fixtures.hostRoleAccount;
import static dev.awsconnectors.validation.Fixtures.iamRole;
import static dev.awsconnectors.validation.Fixtures.iamUser;
import static dev.awsconnectors.validation.Fixtures.ofType;
import static dev.awsconnectors.validation.Fixtures.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ConnectorValidationTest {
    private final ConfigurationValidator validator = new ConfigurationValidator();
    private final Account account = accessKeyAccount().build();
    private final Account hostRole = hostRoleAccount().build();

    private List<Violation> validate(Connector.Builder connector) {
        return validator.validate(connector.build(), account);
    }

    private List<String> keys(Connector.Builder connector) {
        return validate(connector).stream().map(Violation::messageKey).collect(Collectors.toList());
    }

    /** A policy document of exactly {@code length} characters, padded inside so stripping keeps it whole. */
    private static String policyOfLength(int length) {
        String start = POLICY.substring(0, POLICY.length() - 1);
        return start + repeat(' ', length - POLICY.length()) + "}";
    }

    /** A valid AWS managed policy ARN of exactly {@code length} characters (27 to 538), with a path. */
    private static String policyArnOfLength(int length, char fill) {
        String prefix = "arn:aws:iam::aws:policy/";
        return prefix + repeat(fill, length - prefix.length() - 2) + "/P";
    }

    @ParameterizedTest
    @EnumSource(PrincipalType.class)
    void acceptsTheFixtureOfEachPrincipalType(PrincipalType type) {
        assertThat(validate(ofType(type, account))).isEmpty();
    }

    @Nested
    class NameAndAccount {
        @Test
        void requiresAName() {
            assertThat(keys(iamUser(account).name(" "))).containsExactly(Keys.NAME_REQUIRED);
        }

        @Test
        void acceptsANameOfEightyCharacters() {
            assertThat(validate(iamUser(account).name(repeat('c', 80)))).isEmpty();
        }

        @Test
        void refusesANameOfEightyOneCharacters() {
            assertThat(keys(iamUser(account).name(repeat('c', 81)))).containsExactly(Keys.NAME_TOO_LONG);
        }

        @Test
        void acceptsADescriptionOfAThousandCharacters() {
            assertThat(validate(iamUser(account).description(repeat('d', 1000)))).isEmpty();
        }

        @Test
        void refusesADescriptionOfAThousandAndOneCharacters() {
            assertThat(keys(iamUser(account).description(repeat('d', 1001))))
                    .containsExactly(Keys.DESCRIPTION_TOO_LONG);
        }

        @Test
        void requiresAnAccount() {
            assertThat(validate(iamUser(account).accountId(null)))
                    .extracting(Violation::field, Violation::messageKey)
                    .containsExactly(tuple("accountId", Keys.ACCOUNT_ID_REQUIRED));
        }

        @Test
        void refusesAnAccountIdThatMatchesNoAccount() {
            UUID unknown = UUID.randomUUID();
            assertThat(validator.validate(iamUser(account).accountId(unknown).build(), account))
                    .extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("accountId", "There is no AWS account with the id " + unknown + "."));
            assertThat(validator.validate(iamUser(account).build(), null))
                    .extracting(Violation::messageKey)
                    .containsExactly(Keys.ACCOUNT_ID_UNKNOWN);
        }

        @Test
        void requiresAPrincipalType() {
            assertThat(validate(iamUser(account).principalType(null)))
                    .extracting(Violation::field, Violation::messageKey)
                    .containsExactly(tuple("principalType", Keys.PRINCIPAL_TYPE_REQUIRED));
        }

        @ParameterizedTest
        @CsvSource({"FEDERATED_USER, Federated User, GetFederationToken", "IAM_USER, IAM User, GetSessionToken"})
        void refusesUserPrincipalTypesOnAHostRoleAccount(PrincipalType type, String name, String call) {
            Connector connector = ofType(type, hostRole).build();
            assertThat(validator.validate(connector, hostRole))
                    .extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("principalType", name + " connectors need an account with an IAM "
                            + "user's access key, because AWS accepts " + call + " only from an IAM user's "
                            + "long-term credentials; the account Jira host uses the host's role."));
        }

        @Test
        void acceptsARoleConnectorOnAHostRoleAccount() {
            assertThat(validator.validate(iamRole(hostRole).build(), hostRole)).isEmpty();
        }
    }

    @Nested
    class RoleArn {
        private static final String PREFIX = "arn:aws:iam::123456789012:role";

        @Test
        void requiresARoleArnForIamRole() {
            assertThat(validate(iamRole(account).roleArn(null)))
                    .extracting(Violation::field, Violation::messageKey)
                    .containsExactly(tuple("roleArn", Keys.ROLE_ARN_REQUIRED));
        }

        @ParameterizedTest
        @CsvSource({"FEDERATED_USER, Federated User", "IAM_USER, IAM User"})
        void refusesARoleArnForOtherPrincipalTypesNamingTheType(PrincipalType type, String name) {
            assertThat(validate(ofType(type, account).roleArn(ROLE_ARN)))
                    .extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("roleArn", name + " connectors assume no role; remove the role ARN."));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "arn:aws:iam::123456789012:role/a",
                "arn:aws:iam::123456789012:role/service-role/My+Role=,.@_-1",
                "arn:aws:iam::123456789012:role/a/b/c/Deep",
                "arn:aws:iam::123456789012:role/path!with~printables/R"})
        void acceptsRoleArnsWithAndWithoutPaths(String arn) {
            assertThat(validate(iamRole(account).roleArn(arn))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {63, 64})
        void acceptsRoleNamesOfUpToSixtyFourCharacters(int length) {
            assertThat(validate(iamRole(account).roleArn(PREFIX + "/" + repeat('r', length)))).isEmpty();
        }

        @Test
        void refusesARoleNameOfSixtyFiveCharacters() {
            assertThat(keys(iamRole(account).roleArn(PREFIX + "/" + repeat('r', 65))))
                    .containsExactly(Keys.ROLE_ARN_FORMAT);
        }

        @ParameterizedTest
        @ValueSource(ints = {511, 512})
        void acceptsRolePathsOfUpToFiveHundredTwelveCharacters(int length) {
            String path = "/" + repeat('p', length - 2) + "/";
            assertThat(validate(iamRole(account).roleArn(PREFIX + path + "R"))).isEmpty();
        }

        @Test
        void refusesARolePathOfFiveHundredThirteenCharacters() {
            String path = "/" + repeat('p', 511) + "/";
            assertThat(validate(iamRole(account).roleArn(PREFIX + path + "R")))
                    .extracting(Violation::messageKey, Violation::arguments)
                    .containsExactly(tuple(Keys.ROLE_ARN_PATH_LENGTH, List.of(512, 513)));
        }

        @Test
        void refusesARoleArnOfNineteenCharacters() {
            assertThat(validate(iamRole(account).roleArn(repeat('a', 19))))
                    .extracting(Violation::message)
                    .containsExactly("Role ARNs have 20 to 2,048 characters; this one has 19.");
        }

        @Test
        void judgesARoleArnOfTwentyCharactersByItsShapeNotItsLength() {
            assertThat(keys(iamRole(account).roleArn(repeat('a', 20)))).containsExactly(Keys.ROLE_ARN_FORMAT);
        }

        @Test
        void judgesARoleArnOfTwoThousandFortyEightCharactersByItsShapeNotItsLength() {
            String arn = PREFIX + "/" + repeat('p', 2048 - PREFIX.length() - 3) + "/R";
            assertThat(arn).hasSize(2048);
            assertThat(keys(iamRole(account).roleArn(arn))).containsExactly(Keys.ROLE_ARN_PATH_LENGTH);
        }

        @Test
        void refusesARoleArnOfTwoThousandFortyNineCharacters() {
            String arn = PREFIX + "/" + repeat('p', 2049 - PREFIX.length() - 3) + "/R";
            assertThat(validate(iamRole(account).roleArn(arn)))
                    .extracting(Violation::messageKey, Violation::arguments)
                    .containsExactly(tuple(Keys.ROLE_ARN_LENGTH, List.of(20, 2048, 2049)));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "arn:aws:iam::12345678901:role/Short",
                "arn:aws:iam::1234567890123:role/Long",
                "arn:aws:iam::aws:role/Managed",
                "arn:aws:iam:us-east-1:123456789012:role/Regional",
                "arn:aws:iam::123456789012:user/NotARole",
                "arn:aws:sts::123456789012:assumed-role/R/s",
                "arn:aws:iam::123456789012:role/",
                "arn:aws:iam::123456789012:role//EmptyPathSegment",
                "arn:aws:iam::123456789012:role/Bad Name",
                "arn:aws:iam::123456789012:role/Bad*Name",
                "arn:aws:iam::123456789012:roleName"})
        void refusesStringsThatAreNotIamRoleArns(String arn) {
            assertThat(validate(iamRole(account).roleArn(arn)))
                    .extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("roleArn", arn + " is not an IAM role ARN like "
                            + "arn:aws:iam::123456789012:role/MyRole; role names have 1 to 64 letters, digits "
                            + "and _ + = , . @ -."));
        }

        @ParameterizedTest
        @CsvSource({
                "AWS, arn:aws-cn:iam::123456789012:role/R, aws-cn, aws",
                "AWS, arn:aws-us-gov:iam::123456789012:role/R, aws-us-gov, aws",
                "AWS_CN, arn:aws:iam::123456789012:role/R, aws, aws-cn",
                "AWS_US_GOV, arn:aws-iso:iam::123456789012:role/R, aws-iso, aws-us-gov"})
        void refusesARoleOfAnotherPartition(Partition partition, String arn, String arnPartition, String own) {
            Account other = accessKeyAccount().partition(partition)
                    .region(partition == Partition.AWS ? "us-east-1"
                            : partition == Partition.AWS_CN ? "cn-north-1" : "us-gov-west-1")
                    .build();
            assertThat(validator.validate(iamRole(other).roleArn(arn).build(), other))
                    .extracting(Violation::message)
                    .containsExactly("The role is in the " + arnPartition + " partition, but the account is in the "
                            + own + " partition.");
        }

        @Test
        void acceptsARoleOfTheAccountsPartition() {
            Account gov = accessKeyAccount().partition(Partition.AWS_US_GOV).region("us-gov-west-1").build();
            Connector connector = iamRole(gov).roleArn("arn:aws-us-gov:iam::123456789012:role/R").build();
            assertThat(validator.validate(connector, gov)).isEmpty();
        }
    }

    @Nested
    class ExternalId {
        @ParameterizedTest
        @ValueSource(ints = {2, 3, 1223, 1224})
        void acceptsExternalIdsOfTwoToOneThousandTwoHundredTwentyFourCharacters(int length) {
            assertThat(validate(iamRole(account).externalId(repeat('e', length)))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 1225})
        void refusesExternalIdsOutsideTwoToOneThousandTwoHundredTwentyFourCharacters(int length) {
            assertThat(validate(iamRole(account).externalId(repeat('e', length))))
                    .extracting(Violation::field, Violation::arguments)
                    .containsExactly(tuple("externalId", List.of(2, 1224, length)));
        }

        @Test
        void acceptsEveryCharacterAwsAllowsInAnExternalId() {
            assertThat(validate(iamRole(account).externalId("aZ09_+=,.@:/-"))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"has space", "semi;colon", "star*", "quote\"", "\u00FCmlaut"})
        void refusesOtherCharactersInAnExternalId(String externalId) {
            assertThat(keys(iamRole(account).externalId(externalId))).containsExactly(Keys.EXTERNAL_ID_CHARACTERS);
        }

        @ParameterizedTest
        @CsvSource({"FEDERATED_USER, Federated User", "IAM_USER, IAM User"})
        void refusesAnExternalIdForOtherPrincipalTypesNamingTheType(PrincipalType type, String name) {
            assertThat(validate(ofType(type, account).externalId("customer-42")))
                    .extracting(Violation::field, Violation::arguments)
                    .containsExactly(tuple("externalId", List.of(name)));
        }
    }

    @Nested
    class InlinePolicy {
        @Test
        void refusesAPolicyForIamUserNamingTheType() {
            assertThat(validate(iamUser(account).policy(POLICY)))
                    .extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("policy", "IAM User connectors take no session policy, because the IAM "
                            + "user's own policies apply; remove it."));
        }

        @Test
        void acceptsAPolicyForIamRole() {
            assertThat(validate(iamRole(account).policy(POLICY))).isEmpty();
        }

        @Test
        void acceptsAStatementThatIsASingleObject() {
            assertThat(validate(federatedUser(account)
                    .policy("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}")))
                    .isEmpty();
        }

        @Test
        void refusesAPolicyThatIsNotJsonAndSaysWhere() {
            assertThat(validate(federatedUser(account).policy("{\"Statement\": [\n  {\"Effect\": Allow}]}")))
                    .extracting(Violation::field, Violation::messageKey, Violation::arguments)
                    .containsExactly(tuple("policy", Keys.POLICY_JSON, List.of(2, 14)));
        }

        @Test
        void refusesTrailingContentAfterThePolicyObject() {
            assertThat(keys(federatedUser(account).policy(POLICY + " {}"))).containsExactly(Keys.POLICY_JSON);
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "\"Statement\"", "42", "null", "[" + "{\"Statement\":{}}" + "]"})
        void refusesAPolicyThatIsNotAJsonObject(String policy) {
            assertThat(keys(federatedUser(account).policy(policy))).containsExactly(Keys.POLICY_NOT_OBJECT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"{}", "{\"Version\":\"2012-10-17\"}", "{\"Statement\":[]}", "{\"Statement\":\"*\"}",
                "{\"statement\":[{}]}", "{\"Statement\":null}"})
        void refusesAPolicyWithoutAStatement(String policy) {
            assertThat(keys(federatedUser(account).policy(policy))).containsExactly(Keys.POLICY_STATEMENT);
        }

        @Test
        void acceptsTabsLineBreaksAndLatinOneCharacters() {
            String policy = "{\n\t\"Statement\": {\"Sid\": \"caf\u00E9\u00FF\", \"Effect\": \"Allow\"}\r\n}";
            assertThat(validate(federatedUser(account).policy(policy))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u0100", "\u20AC", "\u0007", "\u001F", "\uD83D\uDE80"})
        void refusesCharactersAwsDoesNotAllowInPoliciesAndSaysWhere(String bad) {
            String policy = "{\"Statement\":{\"Sid\":\"" + bad + "\"}}";
            assertThat(validate(federatedUser(account).policy(policy)))
                    .extracting(Violation::messageKey, Violation::arguments)
                    .containsExactly(tuple(Keys.POLICY_CHARACTERS, List.of(22)));
        }

        @ParameterizedTest
        @ValueSource(ints = {2047, 2048})
        void acceptsAPolicyOfUpToTwoThousandFortyEightCharacters(int length) {
            assertThat(validate(federatedUser(account).policy(policyOfLength(length)))).isEmpty();
        }

        @Test
        void refusesAPolicyOfTwoThousandFortyNineCharacters() {
            assertThat(validate(federatedUser(account).policy(policyOfLength(2049))))
                    .extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("policy",
                            "The session policy and the policy ARNs may have 2,048 characters in all; these have 2,049."));
        }

        @Test
        void countsThePolicyAndThePolicyArnsTogether() {
            String arn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
            int policyLength = 2048 - arn.length();
            assertThat(validate(iamRole(account).policy(policyOfLength(policyLength)).policyArns(List.of(arn))))
                    .isEmpty();
            assertThat(validate(iamRole(account).policy(policyOfLength(policyLength + 1)).policyArns(List.of(arn))))
                    .extracting(Violation::field, Violation::arguments)
                    .containsExactly(tuple("policy", List.of(2048, 2049)));
        }

        @Test
        void reportsTheTotalOnThePolicyArnsWhenThereIsNoInlinePolicy() {
            List<String> arns = IntStream.range(0, 10)
                    .mapToObj(i -> policyArnOfLength(205, (char) ('a' + i)))
                    .collect(Collectors.toList());
            assertThat(validate(federatedUser(account).policy(null).policyArns(arns)))
                    .extracting(Violation::field, Violation::messageKey, Violation::arguments)
                    .containsExactly(tuple("policyArns", Keys.POLICY_TOTAL_LENGTH, List.of(2048, 2050)));
        }
    }

    @Nested
    class PolicyArns {
        @ParameterizedTest
        @ValueSource(strings = {
                "arn:aws:iam::aws:policy/ReadOnlyAccess",
                "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
                "arn:aws:iam::123456789012:policy/team/Mine+=,.@_-"})
        void acceptsAwsAndCustomerManagedPolicyArns(String arn) {
            assertThat(validate(federatedUser(account).policyArns(List.of(arn)))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {9, 10})
        void acceptsUpToTenPolicyArns(int count) {
            List<String> arns = IntStream.rangeClosed(1, count)
                    .mapToObj(i -> "arn:aws:iam::123456789012:policy/P" + i).collect(Collectors.toList());
            assertThat(validate(federatedUser(account).policyArns(arns))).isEmpty();
        }

        @Test
        void refusesElevenPolicyArns() {
            List<String> arns = IntStream.rangeClosed(1, 11)
                    .mapToObj(i -> "arn:aws:iam::123456789012:policy/P" + i).collect(Collectors.toList());
            assertThat(validate(federatedUser(account).policyArns(arns)))
                    .extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("policyArns", "At most 10 policy ARNs can be passed; this connector has 11."));
        }

        @ParameterizedTest
        @ValueSource(ints = {127, 128})
        void acceptsPolicyNamesOfUpToOneHundredTwentyEightCharacters(int length) {
            assertThat(validate(federatedUser(account).policy(null)
                    .policyArns(List.of("arn:aws:iam::aws:policy/" + repeat('n', length))))).isEmpty();
        }

        @Test
        void refusesAPolicyNameOfOneHundredTwentyNineCharacters() {
            assertThat(keys(federatedUser(account).policy(null)
                    .policyArns(List.of("arn:aws:iam::aws:policy/" + repeat('n', 129)))))
                    .containsExactly(Keys.POLICY_ARNS_FORMAT);
        }

        @Test
        void acceptsAPolicyPathOfFiveHundredTwelveCharacters() {
            String arn = "arn:aws:iam::aws:policy/" + repeat('p', 510) + "/P";
            assertThat(validate(federatedUser(account).policy(null).policyArns(List.of(arn)))).isEmpty();
        }

        @Test
        void refusesAPolicyPathOfFiveHundredThirteenCharacters() {
            String arn = "arn:aws:iam::aws:policy/" + repeat('p', 511) + "/P";
            assertThat(validate(federatedUser(account).policy(null).policyArns(List.of(arn))))
                    .extracting(Violation::messageKey, Violation::arguments)
                    .containsExactly(tuple(Keys.POLICY_ARNS_PATH_LENGTH, List.of(arn.substring(0, 100) + "…", 512,
                            513)));
        }

        @Test
        void refusesAPolicyArnOfNineteenCharactersNamingItsPosition() {
            List<String> arns = List.of("arn:aws:iam::aws:policy/ReadOnlyAccess", repeat('x', 19));
            assertThat(validate(federatedUser(account).policyArns(arns)))
                    .extracting(Violation::message)
                    .containsExactly("Policy ARN 2 has 19 characters; policy ARNs have 20 to 2,048.");
        }

        @Test
        void judgesAPolicyArnOfTwentyCharactersByItsShape() {
            assertThat(keys(federatedUser(account).policyArns(List.of(repeat('x', 20)))))
                    .containsExactly(Keys.POLICY_ARNS_FORMAT);
        }

        @Test
        void judgesAPolicyArnOfTwoThousandFortyEightCharactersByItsShape() {
            String arn = "arn:aws:iam::aws:policy/" + repeat('p', 2048 - 26) + "/P";
            assertThat(arn).hasSize(2048);
            assertThat(keys(federatedUser(account).policy(null).policyArns(List.of(arn))))
                    .containsExactly(Keys.POLICY_ARNS_PATH_LENGTH);
        }

        @Test
        void refusesAPolicyArnOfTwoThousandFortyNineCharacters() {
            String arn = "arn:aws:iam::aws:policy/" + repeat('p', 2049 - 26) + "/P";
            assertThat(validate(federatedUser(account).policy(null).policyArns(List.of(arn))))
                    .extracting(Violation::messageKey, Violation::arguments)
                    .containsExactly(
                            tuple(Keys.POLICY_ARNS_LENGTH, List.of(1, 2049, 20, 2048)),
                            tuple(Keys.POLICY_TOTAL_LENGTH, List.of(2048, 2049)));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "arn:aws:iam::123:policy/Short",
                "arn:aws:iam::aws:role/NotAPolicy",
                "arn:aws:s3:::my-bucket/policy",
                "arn:aws:iam::aws:policy/",
                "arn:aws:iam::aws:policy//EmptyPathSegment",
                "arn:aws:iam::aws:policy/Bad Name",
                "ReadOnlyAccess-without-arn-prefix"})
        void refusesStringsThatAreNotPolicyArns(String arn) {
            assertThat(validate(federatedUser(account).policyArns(List.of(arn))))
                    .extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("policyArns", arn + " is not an IAM managed policy ARN like "
                            + "arn:aws:iam::aws:policy/ReadOnlyAccess or arn:aws:iam::123456789012:policy/MyPolicy."));
        }

        @Test
        void refusesAPolicyArnOfAnotherPartition() {
            String arn = "arn:aws-cn:iam::aws:policy/ReadOnlyAccess";
            assertThat(validate(federatedUser(account).policyArns(List.of(arn))))
                    .extracting(Violation::message)
                    .containsExactly(arn + " is in the aws-cn partition, but the account is in the aws partition.");
        }

        @Test
        void refusesTheSamePolicyArnTwice() {
            String arn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
            assertThat(validate(federatedUser(account).policyArns(List.of(arn, arn))))
                    .extracting(Violation::messageKey, Violation::arguments)
                    .containsExactly(tuple(Keys.POLICY_ARNS_DUPLICATE, List.of(arn)));
        }

        @Test
        void refusesABlankPolicyArnInsteadOfDroppingIt() {
            assertThat(validate(federatedUser(account).policyArns(List.of("  "))))
                    .extracting(Violation::messageKey, Violation::arguments)
                    .containsExactly(tuple(Keys.POLICY_ARNS_LENGTH, List.of(1, 0, 20, 2048)));
        }

        @Test
        void refusesPolicyArnsForIamUserNamingTheType() {
            assertThat(validate(iamUser(account).policyArns(List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"))))
                    .extracting(Violation::field, Violation::arguments)
                    .containsExactly(tuple("policyArns", List.of("IAM User")));
        }
    }

    @Nested
    class MaxDurationSeconds {
        @ParameterizedTest
        @CsvSource({
                "FEDERATED_USER, 900", "FEDERATED_USER, 901", "FEDERATED_USER, 129599", "FEDERATED_USER, 129600",
                "IAM_USER, 900", "IAM_USER, 901", "IAM_USER, 129599", "IAM_USER, 129600",
                "IAM_ROLE, 900", "IAM_ROLE, 901", "IAM_ROLE, 43199", "IAM_ROLE, 43200"})
        void acceptsDurationsWithinTheLimitsOfTheStsCall(PrincipalType type, int seconds) {
            assertThat(validate(ofType(type, account).maxDurationSeconds(seconds))).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({
                "FEDERATED_USER, 899, 'Federated User connectors allow 900 to 129,600 seconds; 899 is too short.'",
                "FEDERATED_USER, 129601, 'Federated User connectors allow 900 to 129,600 seconds; 129,601 is too long.'",
                "IAM_USER, 899, 'IAM User connectors allow 900 to 129,600 seconds; 899 is too short.'",
                "IAM_USER, 129601, 'IAM User connectors allow 900 to 129,600 seconds; 129,601 is too long.'",
                "IAM_ROLE, 899, 'IAM Role connectors allow 900 to 43,200 seconds; 899 is too short.'",
                "IAM_ROLE, 0, 'IAM Role connectors allow 900 to 43,200 seconds; 0 is too short.'",
                "IAM_ROLE, -1, 'IAM Role connectors allow 900 to 43,200 seconds; -1 is too short.'"})
        void refusesDurationsOutsideTheLimitsOfTheStsCall(PrincipalType type, int seconds, String message) {
            assertThat(validate(ofType(type, account).maxDurationSeconds(seconds)))
                    .extracting(Violation::field, Violation::messageKey, Violation::message)
                    .containsExactly(tuple("maxDurationSeconds", Keys.DURATION_RANGE, message));
        }

        @Test
        void refusesRoleDurationOneSecondOverTwelveHours() {
            assertThat(validate(iamRole(account).maxDurationSeconds(43_201)))
                    .extracting(Violation::message)
                    .containsExactly("IAM Role connectors allow 900 to 43,200 seconds; 43,201 is too long.");
        }

        @Test
        void leavesAnEmptyDurationToAws() {
            assertThat(validate(iamRole(account).maxDurationSeconds(null))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {900, 3599, 3600})
        void acceptsUpToAnHourForRolesAssumedWithTheHostsRole(int seconds) {
            assertThat(validator.validate(iamRole(hostRole).maxDurationSeconds(seconds).build(), hostRole)).isEmpty();
        }

        @Test
        void refusesRoleChainingOneSecondOverAnHour() {
            assertThat(validator.validate(iamRole(hostRole).maxDurationSeconds(3601).build(), hostRole))
                    .extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("maxDurationSeconds", "Assuming a role with the host's role credentials "
                            + "is role chaining, which AWS limits to 3,600 seconds; 3,601 is too long."));
        }
    }

    @Nested
    class MfaSerialNumber {
        @ParameterizedTest
        @ValueSource(ints = {9, 10, 255, 256})
        void acceptsSerialsOfNineToTwoHundredFiftySixCharacters(int length) {
            assertThat(validate(iamUser(account).mfaSerialNumber(repeat('G', length)))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {8, 257})
        void refusesSerialsOutsideNineToTwoHundredFiftySixCharacters(int length) {
            assertThat(validate(iamRole(account).mfaSerialNumber(repeat('G', length))))
                    .extracting(Violation::field, Violation::arguments)
                    .containsExactly(tuple("mfaSerialNumber", List.of(9, 256, length)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"GAHT12345678", "arn:aws:iam::123456789012:mfa/jira-user", "a_+=/:,.@-z"})
        void acceptsHardwareSerialsAndVirtualDeviceArns(String serial) {
            assertThat(validate(iamRole(account).mfaSerialNumber(serial))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"GAHT 12345678", "GAHT#12345678", "GAHT12345678*"})
        void refusesOtherCharactersInASerial(String serial) {
            assertThat(keys(iamUser(account).mfaSerialNumber(serial))).containsExactly(Keys.MFA_CHARACTERS);
        }

        @Test
        void refusesMfaForFederatedUsersNamingTheType() {
            assertThat(validate(federatedUser(account).mfaSerialNumber("GAHT12345678")))
                    .extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("mfaSerialNumber", "Federated User connectors cannot ask for an MFA "
                            + "code; remove the MFA serial number."));
        }

        @Test
        void refusesMfaOnAHostRoleAccountWhoseRoleHasNoDevice() {
            assertThat(validator.validate(iamRole(hostRole).mfaSerialNumber("GAHT12345678").build(), hostRole))
                    .extracting(Violation::messageKey)
                    .containsExactly(Keys.MFA_HOST_ROLE);
        }

        @Test
        void refusesMfaOnASystemScopeConnector() {
            assertThat(validate(iamUser(account).mfaSerialNumber("GAHT12345678").systemScope(true)))
                    .extracting(Violation::field, Violation::messageKey)
                    .containsExactly(tuple("systemScope", Keys.SYSTEM_SCOPE_MFA));
        }

        @Test
        void acceptsASystemScopeConnectorWithoutMfa() {
            assertThat(validate(iamUser(account).systemScope(true))).isEmpty();
        }
    }

    @Nested
    class SourceIdentityAndTags {
        @Test
        void acceptsSourceIdentityAndTagsForIamRole() {
            assertThat(validate(iamRole(account).sourceIdentityAndTags(true))).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"FEDERATED_USER, Federated User", "IAM_USER, IAM User"})
        void refusesSourceIdentityAndTagsForOtherTypesNamingTheType(PrincipalType type, String name) {
            assertThat(validate(ofType(type, account).sourceIdentityAndTags(true)))
                    .extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("sourceIdentityAndTags", name + " connectors cannot pass the Jira user "
                            + "as source identity and session tag; only IAM Role connectors can."));
        }
    }

    @Nested
    class ConsoleDestination {
        @ParameterizedTest
        @ValueSource(strings = {
                "https://console.aws.amazon.com/",
                "https://console.aws.amazon.com/s3/buckets?region=eu-west-1#",
                "https://us-west-2.console.aws.amazon.com/ec2/home",
                "https://CONSOLE.AWS.AMAZON.COM:443/"})
        void acceptsTheConsoleOfTheAccountsPartition(String destination) {
            assertThat(validate(federatedUser(account).consoleDestination(URI.create(destination)))).isEmpty();
            assertThat(validate(iamRole(account).consoleDestination(URI.create(destination)))).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({
                "AWS_US_GOV, us-gov-west-1, https://console.amazonaws-us-gov.com/iam",
                "AWS_US_GOV, us-gov-west-1, https://us-gov-east-1.console.amazonaws-us-gov.com/",
                "AWS_CN, cn-north-1, https://console.amazonaws.cn/",
                "AWS_CN, cn-north-1, https://cn-northwest-1.console.amazonaws.cn/s3/"})
        void acceptsTheConsolesOfTheOtherPartitions(Partition partition, String region, String destination) {
            Account other = accessKeyAccount().partition(partition).region(region).build();
            Connector connector = iamRole(other)
                    .roleArn("arn:" + partition.id() + ":iam::123456789012:role/R")
                    .consoleDestination(URI.create(destination))
                    .build();
            assertThat(validator.validate(connector, other)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "https://evil.example.com/",
                "https://console.aws.amazon.com.evil.example.com/",
                "https://evilconsole.aws.amazon.com/",
                "https://www.console.aws.amazon.com/",
                "https://us-gov-west-1.console.aws.amazon.com/",
                "https://console.amazonaws.cn/",
                "https://signin.aws.amazon.com/"})
        void refusesHostsThatAreNotAConsoleOfThePartition(String destination) {
            URI uri = URI.create(destination);
            assertThat(validate(federatedUser(account).consoleDestination(uri)))
                    .extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("consoleDestination", "The console destination must be on "
                            + "console.aws.amazon.com or a regional console of the aws partition; " + uri.getHost()
                            + " is neither."));
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://console.aws.amazon.com/", "console.aws.amazon.com/s3",
                "https://user:pw@console.aws.amazon.com/", "https://console.aws.amazon.com:8443/", "/s3/home"})
        void refusesAnythingButAnHttpsUrl(String destination) {
            assertThat(validate(iamRole(account).consoleDestination(URI.create(destination))))
                    .extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("consoleDestination", "The console destination must be an https URL on "
                            + "console.aws.amazon.com, like https://console.aws.amazon.com/s3/."));
        }

        @Test
        void refusesAConsoleDestinationForIamUser() {
            assertThat(validate(iamUser(account).consoleDestination(URI.create("https://console.aws.amazon.com/"))))
                    .extracting(Violation::field, Violation::arguments)
                    .containsExactly(tuple("consoleDestination", List.of("IAM User")));
        }
    }

    @Nested
    class Groups {
        @Test
        void acceptsNoGroupsMeaningAdminsOnly() {
            assertThat(validate(iamUser(account).groups(List.of()))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {254, 255})
        void acceptsGroupNamesOfUpToTwoHundredFiftyFiveCharacters(int length) {
            assertThat(validate(iamUser(account).groups(List.of(repeat('g', length))))).isEmpty();
        }

        @Test
        void refusesAGroupNameOfTwoHundredFiftySixCharacters() {
            assertThat(validate(iamUser(account).groups(List.of("jira-users", repeat('g', 256)))))
                    .extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("groups", "Jira group names have at most 255 characters; one here has 256."));
        }

        @Test
        void refusesAGroupNameWithHalfASurrogatePairOrAControlCharacter() {
            assertThat(validate(iamUser(account).groups(List.of("jira-users", "dev\ud800s", "ops\nadmins"))))
                    .extracting(Violation::field, Violation::messageKey)
                    .containsExactly(tuple("groups", Keys.GROUPS_CHARACTERS), tuple("groups", Keys.GROUPS_CHARACTERS));
        }

        @Test
        void acceptsAHundredGroups() {
            List<String> groups = IntStream.rangeClosed(1, 100).mapToObj(i -> "group-" + i).collect(Collectors.toList());
            assertThat(validate(iamUser(account).groups(groups))).isEmpty();
        }

        @Test
        void refusesAHundredAndOneGroupsSayingHowManyAreAllowed() {
            List<String> groups = IntStream.rangeClosed(1, 101).mapToObj(i -> "group-" + i).collect(Collectors.toList());
            assertThat(validate(iamUser(account).groups(groups)))
                    .extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("groups", "A connector may name at most 100 groups; this one names 101. "
                            + "Use a Jira group that contains the others."));
        }

        @Test
        void refusesGroupsJiraDoesNotHaveNamingEachOne() {
            Connector connector = iamUser(account).groups(List.of("aws-developers", "aws-develpers", "nobody")).build();
            assertThat(validator.validate(connector, account, List.of("aws-develpers", "nobody")))
                    .extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("groups", "Jira has no groups named aws-develpers, nobody. Check the "
                            + "spelling, or create the group in Jira first."));
            assertThat(validator.validate(connector, account, List.of("nobody")))
                    .extracting(Violation::message)
                    .containsExactly("Jira has no group named nobody. Check the spelling, or create the group in Jira "
                            + "first.");
        }

        @Test
        void refusesBlankGroupNamesOnce() {
            assertThat(validate(iamUser(account).groups(List.of("", " ", "jira-users"))))
                    .extracting(Violation::field, Violation::messageKey)
                    .containsExactly(tuple("groups", Keys.GROUPS_BLANK));
        }
    }

    /** The table of {@link TypedField}: a value in a field the type does not take is refused, naming the field. */
    @Nested
    class FieldsATypeDoesNotTake {
        private Connector.Builder withValue(Connector.Builder connector, TypedField field) {
            switch (field) {
                case ROLE_ARN:
                    return connector.roleArn(ROLE_ARN);
                case EXTERNAL_ID:
                    return connector.externalId("ext-id-42");
                case POLICY:
                    return connector.policy(POLICY);
                case POLICY_ARNS:
                    return connector.policyArns(List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"));
                case MFA_SERIAL_NUMBER:
                    return connector.mfaSerialNumber("arn:aws:iam::123456789012:mfa/jira-broker");
                case SOURCE_IDENTITY_AND_TAGS:
                    return connector.sourceIdentityAndTags(true);
                default:
                    return connector.consoleDestination(URI.create("https://console.aws.amazon.com/s3/"));
            }
        }

        /** What counts as no value: blank text, an empty list, an unticked box, nothing. */
        private Connector.Builder withNoValue(Connector.Builder connector, TypedField field) {
            switch (field) {
                case ROLE_ARN:
                    return connector.roleArn("  ");
                case EXTERNAL_ID:
                    return connector.externalId("");
                case POLICY:
                    return connector.policy(" \n\t ");
                case POLICY_ARNS:
                    return connector.policyArns(List.of());
                case MFA_SERIAL_NUMBER:
                    return connector.mfaSerialNumber("\t");
                case SOURCE_IDENTITY_AND_TAGS:
                    return connector.sourceIdentityAndTags(false);
                default:
                    return connector.consoleDestination(null);
            }
        }

        @ParameterizedTest
        @EnumSource(PrincipalType.class)
        void refusesAValueInEachFieldTheTypeDoesNotTakeNamingTheFieldAndTheType(PrincipalType type) {
            for (TypedField field : TypedField.values()) {
                if (field.takenBy(type)) {
                    continue;
                }
                assertThat(validate(withValue(ofType(type, account), field)))
                        .as("%s on a %s connector", field.fieldName(), type)
                        .extracting(Violation::field, Violation::messageKey, v -> v.arguments().get(0))
                        .containsExactly(tuple(field.fieldName(), "awsc.validation." + field.fieldName() + ".notAllowed",
                                type.getDisplayName()));
            }
        }

        @ParameterizedTest
        @EnumSource(PrincipalType.class)
        void acceptsAValueInEachFieldTheTypeTakes(PrincipalType type) {
            for (TypedField field : TypedField.values()) {
                if (field.takenBy(type)) {
                    assertThat(validate(withValue(ofType(type, account), field)))
                            .as("%s on a %s connector", field.fieldName(), type).isEmpty();
                }
            }
        }

        @ParameterizedTest
        @EnumSource(PrincipalType.class)
        void acceptsNoValueInEveryFieldWhateverTheType(PrincipalType type) {
            for (TypedField field : TypedField.values()) {
                Connector.Builder connector = ofType(type, account);
                if (type == PrincipalType.IAM_ROLE && field == TypedField.ROLE_ARN) {
                    continue;
                }
                assertThat(validate(withNoValue(connector, field)))
                        .as("no %s on a %s connector", field.fieldName(), type).isEmpty();
            }
        }

        @Test
        void refusesEveryFieldAFederatedUserDoesNotTakeAtOnce() {
            Connector.Builder connector = federatedUser(account).roleArn(ROLE_ARN).externalId("ext-id-42")
                    .mfaSerialNumber("arn:aws:iam::123456789012:mfa/jira-broker").sourceIdentityAndTags(true);
            assertThat(validate(connector)).extracting(Violation::field)
                    .containsExactly("roleArn", "externalId", "mfaSerialNumber", "sourceIdentityAndTags");
        }
    }

    @Nested
    class Warnings {
        @Test
        void warnsThatAFederatedUserWithoutPoliciesGetsNoPermissions() {
            Connector connector = federatedUser(account).policy(null).build();
            assertThat(validator.validate(connector, account)).isEmpty();
            assertThat(validator.warnings(connector))
                    .extracting(Violation::field, Violation::messageKey)
                    .containsExactly(tuple("policy", Keys.POLICY_NONE));
        }

        @Test
        void doesNotWarnWhenAFederatedUserHasAnInlinePolicyOrAPolicyArn() {
            assertThat(validator.warnings(federatedUser(account).build())).isEmpty();
            assertThat(validator.warnings(federatedUser(account).policy(null)
                    .policyArns(List.of("arn:aws:iam::aws:policy/ReadOnlyAccess")).build())).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = PrincipalType.class, names = {"IAM_USER", "IAM_ROLE"})
        void doesNotWarnOtherPrincipalTypesWithoutPolicies(PrincipalType type) {
            assertThat(validator.warnings(ofType(type, account).build())).isEmpty();
        }
    }

    @Nested
    class RequireValid {
        @Test
        void passesAValidConnector() {
            validator.requireValid(iamRole(account).build(), account);
        }

        @Test
        void throwsWithEveryViolationListedByField() {
            Connector connector = iamRole(account).name("").maxDurationSeconds(43_201).build();
            org.assertj.core.api.Assertions
                    .assertThatThrownBy(() -> validator.requireValid(connector, account))
                    .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                        assertThat(e.violations()).extracting(Violation::field)
                                .containsExactly("name", "maxDurationSeconds");
                        assertThat(e.getMessage()).isEqualTo("Invalid configuration: name: Enter a name. "
                                + "maxDurationSeconds: IAM Role connectors allow 900 to 43,200 seconds; 43,201 is "
                                + "too long.");
                    });
        }

        @Test
        void reportsEachFieldOnlyForTheRulesItBroke() {
            List<String> arns = new ArrayList<>(Collections.nCopies(2, "arn:aws:iam::aws:policy/ReadOnlyAccess"));
            Connector connector = iamUser(account).roleArn(ROLE_ARN).externalId("x").policyArns(arns).build();
            assertThat(validator.validate(connector, account)).extracting(Violation::field)
                    .containsExactly("roleArn", "externalId", "policyArns");
        }
    }
}
