package dev.awsconnectors.testhost.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * AWS STS (API version 2011-06-15): AssumeRole, AssumeRoleWithWebIdentity, GetSessionToken, GetFederationToken and
 * GetCallerIdentity, with AWS's parameter constraints, trust rules, duration limits and response shapes.
 */
final class StsActions {

    static final String VERSION = "2011-06-15";
    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    static final List<String> ACTIONS = List.of("AssumeRole", "AssumeRoleWithWebIdentity", "GetSessionToken",
            "GetFederationToken", "GetCallerIdentity");
    /**
     * Actions AWS serves without credentials: the token is the proof. The AWS SDK sends them unsigned; a signed
     * one is accepted too, and its signature never checked, as AWS does.
     */
    static final List<String> UNSIGNED_ACTIONS = List.of("AssumeRoleWithWebIdentity");

    /** Role chaining (a role session assuming a role) is limited to one hour, whatever the role allows. */
    static final int ROLE_CHAINING_MAX_SECONDS = 3600;
    /** Sessions of the root user from GetSessionToken and GetFederationToken last at most one hour. */
    static final int ROOT_MAX_SECONDS = 3600;

    private static final String NAME_PATTERN = "[\\w+=,.@-]*";
    private static final String EXTERNAL_ID_PATTERN = "[\\w+=,.@:\\/-]*";
    private static final String SERIAL_PATTERN = "[\\w+=/:,.@-]*";
    private static final String POLICY_PATTERN = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";
    /** AWS's patterns for session tag keys (1 to 128 characters) and values (0 to 256). */
    private static final String TAG_KEY_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+";
    private static final String TAG_VALUE_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";

    private final Directory directory;
    private final IssuedCredentials issued;
    private final Policies policies;
    private final WebIdentityTokens webIdentityTokens;

    StsActions(Directory directory, IssuedCredentials issued, Policies policies, WebIdentityTokens webIdentityTokens) {
        this.directory = directory;
        this.issued = issued;
        this.policies = policies;
        this.webIdentityTokens = webIdentityTokens;
    }

    /** Runs an action of {@link #UNSIGNED_ACTIONS}, which has no caller. */
    String handleUnsigned(String action, Map<String, String> parameters, String requestId) {
        if (!"AssumeRoleWithWebIdentity".equals(action)) {
            throw AwsErrors.invalidAction(action, VERSION);
        }
        return assumeRoleWithWebIdentity(new Params(parameters), requestId);
    }

    /** Runs the action and returns the XML body of AWS's answer. */
    String handle(String action, Map<String, String> parameters, Caller caller, String requestId) {
        Params params = new Params(parameters);
        return switch (action) {
            case "AssumeRole" -> assumeRole(params, caller, requestId);
            case "GetSessionToken" -> getSessionToken(params, caller, requestId);
            case "GetFederationToken" -> getFederationToken(params, caller, requestId);
            case "GetCallerIdentity" -> getCallerIdentity(caller, requestId);
            default -> throw AwsErrors.invalidAction(action, VERSION);
        };
    }

    private String assumeRole(Params params, Caller caller, String requestId) {
        String roleArn = params.string("RoleArn", "roleArn", true, 20, 2048, null);
        String sessionName = params.string("RoleSessionName", "roleSessionName", true, 2, 64, NAME_PATTERN);
        String externalId = params.string("ExternalId", "externalId", false, 2, 1224, EXTERNAL_ID_PATTERN);
        Integer duration = params.integer("DurationSeconds", "durationSeconds", 900, 43200);
        SessionPolicy sessionPolicy = sessionPolicy(params);
        String serial = params.string("SerialNumber", "serialNumber", false, 9, 256, SERIAL_PATTERN);
        String tokenCode = params.string("TokenCode", "tokenCode", false, 6, 6, "[\\d]*");
        String sourceIdentity = params.string("SourceIdentity", "sourceIdentity", false, 2, 64, NAME_PATTERN);
        List<String> transitiveKeys = params.list("TransitiveTagKeys");
        params.maxSize(transitiveKeys, "transitiveTagKeys", 50);
        params.check();

        if (caller.credentials() == CredentialType.FEDERATION_TOKEN) {
            throw AwsErrors.notAuthorized(caller.principal().arn(), "sts:AssumeRole", roleArn);
        }
        boolean mfa = verifyMfa(caller, serial, tokenCode) || caller.mfaAuthenticated();
        IamRole role = directory.findRole(roleArn)
                .filter(r -> r.trusts(caller.principal(), caller.role() == null ? null : caller.role().arn()))
                .filter(r -> r.requiredExternalId() == null || r.requiredExternalId().equals(externalId))
                .filter(r -> !r.mfaRequired() || mfa)
                .orElseThrow(() -> AwsErrors.notAuthorized(caller.principal().arn(), "sts:AssumeRole", roleArn));
        // Tags and a source identity each need their own action in the role's trust policy. A source identity set
        // earlier in a role chain sticks to every later session, so it needs the permission too.
        String callerSourceIdentity = issued.find(caller.accessKeyId())
                .map(IssuedCredentials.Session::sourceIdentity).orElse(null);
        if (!sessionPolicy.tags().isEmpty() && !role.tagSessionAllowed()) {
            throw AwsErrors.notAuthorized(caller.principal().arn(), "sts:TagSession", roleArn);
        }
        if ((sourceIdentity != null || callerSourceIdentity != null) && !role.setSourceIdentityAllowed()) {
            throw AwsErrors.notAuthorized(caller.principal().arn(), "sts:SetSourceIdentity", roleArn);
        }
        if (sourceIdentity == null) {
            sourceIdentity = callerSourceIdentity;
        }

        boolean chaining = caller.credentials() == CredentialType.ROLE_SESSION;
        if (duration != null && chaining && duration > ROLE_CHAINING_MAX_SECONDS) {
            throw AwsErrors.validation("The requested DurationSeconds exceeds the 1 hour session limit for roles "
                    + "assumed by role chaining.");
        }
        if (duration != null && duration > role.maxSessionDuration()) {
            throw AwsErrors.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this "
                    + "role.");
        }
        Integer packed = sessionPolicy.packedPercent();

        String accountId = role.account().id();
        Principal principal = new Principal(Principal.Kind.ASSUMED_ROLE, accountId,
                directory.arn("sts", accountId, "assumed-role/" + role.name() + "/" + sessionName),
                role.roleId() + ":" + sessionName);
        IssuedCredentials.Session session = issued.issue(CredentialType.ROLE_SESSION, principal, null, role,
                Duration.ofSeconds(duration == null ? 3600 : duration), mfa, sourceIdentity, sessionPolicy.tags(),
                caller.credentials() != CredentialType.LONG_TERM);

        Xml xml = Xml.document().open("AssumeRoleResponse", NAMESPACE).open("AssumeRoleResult");
        xml.optional("SourceIdentity", sourceIdentity);
        xml.open("AssumedRoleUser").element("AssumedRoleId", principal.userId()).element("Arn", principal.arn())
                .close();
        credentials(xml, session);
        xml.optional("PackedPolicySize", packed);
        return xml.close().open("ResponseMetadata").element("RequestId", requestId).close().close().toXml();
    }

    private String assumeRoleWithWebIdentity(Params params, String requestId) {
        String roleArn = params.string("RoleArn", "roleArn", true, 20, 2048, null);
        String sessionName = params.string("RoleSessionName", "roleSessionName", true, 2, 64, NAME_PATTERN);
        String token = params.secret("WebIdentityToken", "webIdentityToken", 4, 20000);
        String providerId = params.string("ProviderId", "providerId", false, 4, 2048, null);
        Integer duration = params.integer("DurationSeconds", "durationSeconds", 900, 43200);
        // The call takes no Tags: its session tags come from the token.
        SessionPolicy requested = sessionPolicy(params, false);
        params.check();

        // The provider is looked up in the account that owns the role, by the token's exact iss.
        WebIdentityTokens.Verified verified = webIdentityTokens.verify(token, issuer -> directory
                .findAccountOfIamArn(roleArn).flatMap(account -> account.openIdConnectProvider(issuer)));
        OidcProvider provider = verified.provider();
        Map<String, String> context = Map.of(provider.audienceKey(), verified.audience(),
                provider.subjectKey(), verified.subject());
        // ProviderId belongs to OAuth 2.0 tokens of Amazon and Facebook; with an OIDC token AWS denies the call.
        IamRole role = directory.findRole(roleArn)
                .filter(r -> providerId == null && r.trustsWebIdentity(provider.arn(), context))
                .orElseThrow(StsActions::webIdentityNotAuthorized);
        if (!verified.tags().isEmpty() && !role.tagSessionAllowed()) {
            throw webIdentityNotAuthorized();
        }
        if (verified.sourceIdentity() != null && !role.setSourceIdentityAllowed()) {
            throw webIdentityNotAuthorized();
        }
        if (duration != null && duration > role.maxSessionDuration()) {
            throw AwsErrors.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this "
                    + "role.");
        }
        Integer packed = new SessionPolicy(policies, requested.policyText(), requested.policyArns(), verified.tags())
                .packedPercent();

        String accountId = role.account().id();
        Principal principal = new Principal(Principal.Kind.ASSUMED_ROLE, accountId,
                directory.arn("sts", accountId, "assumed-role/" + role.name() + "/" + sessionName),
                role.roleId() + ":" + sessionName);
        IssuedCredentials.Session session = issued.issue(CredentialType.ROLE_SESSION, principal, null, role,
                Duration.ofSeconds(duration == null ? 3600 : duration), false, verified.sourceIdentity(),
                verified.tags(), false, verified.transitiveTagKeys(), new IssuedCredentials.WebIdentity(
                        provider.arn(), verified.subject(), verified.audience()));

        Xml xml = Xml.document().open("AssumeRoleWithWebIdentityResponse", NAMESPACE)
                .open("AssumeRoleWithWebIdentityResult");
        credentials(xml, session);
        xml.element("SubjectFromWebIdentityToken", verified.subject());
        xml.open("AssumedRoleUser").element("AssumedRoleId", principal.userId()).element("Arn", principal.arn())
                .close();
        xml.optional("PackedPolicySize", packed);
        xml.element("Provider", provider.arn());
        xml.element("Audience", verified.audience());
        xml.optional("SourceIdentity", verified.sourceIdentity());
        return xml.close().open("ResponseMetadata").element("RequestId", requestId).close().close().toXml();
    }

    /** AWS's answer when the role's trust does not let this token in, whatever the reason. */
    private static AwsException webIdentityNotAuthorized() {
        return AwsErrors.accessDenied("Not authorized to perform sts:AssumeRoleWithWebIdentity");
    }

    private String getSessionToken(Params params, Caller caller, String requestId) {
        Integer duration = params.integer("DurationSeconds", "durationSeconds", 900, 129600);
        String serial = params.string("SerialNumber", "serialNumber", false, 9, 256, SERIAL_PATTERN);
        String tokenCode = params.string("TokenCode", "tokenCode", false, 6, 6, "[\\d]*");
        params.check();
        if (caller.credentials() != CredentialType.LONG_TERM) {
            throw AwsErrors.accessDenied("Cannot call GetSessionToken with session credentials");
        }
        boolean mfa = verifyMfa(caller, serial, tokenCode);
        IssuedCredentials.Session session = issued.issue(CredentialType.SESSION_TOKEN, caller.principal(),
                caller.user(), null, Duration.ofSeconds(lifetime(duration, caller)), mfa, null, Map.of());

        Xml xml = Xml.document().open("GetSessionTokenResponse", NAMESPACE).open("GetSessionTokenResult");
        credentials(xml, session);
        return xml.close().open("ResponseMetadata").element("RequestId", requestId).close().close().toXml();
    }

    private String getFederationToken(Params params, Caller caller, String requestId) {
        String name = params.string("Name", "name", true, 2, 32, NAME_PATTERN);
        Integer duration = params.integer("DurationSeconds", "durationSeconds", 900, 129600);
        SessionPolicy sessionPolicy = sessionPolicy(params);
        params.check();
        if (caller.credentials() != CredentialType.LONG_TERM) {
            throw AwsErrors.accessDenied("Cannot call GetFederationToken with session credentials");
        }
        // In AWS, Tags here also need sts:TagSession in the calling IAM user's own permissions policy. The double
        // does not evaluate identity policies, so it lets any user tag the federated session.
        Integer packed = sessionPolicy.packedPercent();
        String accountId = caller.principal().accountId();
        Principal principal = new Principal(Principal.Kind.FEDERATED_USER, accountId,
                directory.arn("sts", accountId, "federated-user/" + name), accountId + ":" + name);
        IssuedCredentials.Session session = issued.issue(CredentialType.FEDERATION_TOKEN, principal, null, null,
                Duration.ofSeconds(lifetime(duration, caller)), false, null, sessionPolicy.tags());

        Xml xml = Xml.document().open("GetFederationTokenResponse", NAMESPACE).open("GetFederationTokenResult");
        credentials(xml, session);
        xml.open("FederatedUser").element("Arn", principal.arn()).element("FederatedUserId", principal.userId())
                .close();
        xml.optional("PackedPolicySize", packed);
        return xml.close().open("ResponseMetadata").element("RequestId", requestId).close().close().toXml();
    }

    private String getCallerIdentity(Caller caller, String requestId) {
        Principal principal = caller.principal();
        return Xml.document().open("GetCallerIdentityResponse", NAMESPACE).open("GetCallerIdentityResult")
                .element("Arn", principal.arn())
                .element("UserId", principal.userId())
                .element("Account", principal.accountId())
                .close().open("ResponseMetadata").element("RequestId", requestId).close().close().toXml();
    }

    /** GetSessionToken and GetFederationToken default to 12 hours; the root user gets one hour at most. */
    private static int lifetime(Integer requested, Caller caller) {
        int seconds = requested == null ? 43200 : requested;
        return caller.isRoot() ? Math.min(seconds, ROOT_MAX_SECONDS) : seconds;
    }

    /** True when a valid MFA code was given, false when none was given; an invalid one is AccessDenied. */
    private static boolean verifyMfa(Caller caller, String serial, String tokenCode) {
        if (serial == null && tokenCode == null) {
            return false;
        }
        if (serial == null || tokenCode == null || caller.user() == null) {
            throw AwsErrors.invalidMfa();
        }
        return caller.user().mfaCode(serial).filter(tokenCode::equals).map(code -> true)
                .orElseThrow(AwsErrors::invalidMfa);
    }

    /** The session policy, policy ARNs and tags of AssumeRole and GetFederationToken. */
    private record SessionPolicy(Policies policies, String policyText, List<String> policyArns,
                                 Map<String, String> tags) {

        /**
         * Null when nothing was passed (AWS then leaves PackedPolicySize out). The policy's JSON is checked only
         * here, after the length constraints, as AWS reports constraint violations first.
         */
        Integer packedPercent() {
            if (policyText == null && policyArns.isEmpty() && tags.isEmpty()) {
                return null;
            }
            JsonNode policy = policyText == null ? null : policies.parse(policyText);
            int percent = policies.packedPercent(policy, policyArns, tags);
            if (percent > 100) {
                throw AwsErrors.packedPolicyTooLarge(percent);
            }
            return percent;
        }
    }

    private SessionPolicy sessionPolicy(Params params) {
        return sessionPolicy(params, true);
    }

    private SessionPolicy sessionPolicy(Params params, boolean takesTags) {
        String policy = params.string("Policy", "policy", false, 1, 2048, POLICY_PATTERN);
        List<String> policyArns = params.list("PolicyArns", "arn");
        params.maxSize(policyArns, "policyArns", 10);
        for (String arn : policyArns) {
            if (arn.length() < 20 || arn.length() > 2048) {
                params.violate(arn, "policyArns.member.arn", "Member must have length between 20 and 2048");
            }
        }
        Map<String, String> tags = takesTags ? params.tags("Tags") : Map.of();
        params.maxSize(List.copyOf(tags.keySet()), "tags", 50);
        // AWS names a list member by its 1-based position: 'tags.2.member.value'.
        int index = 0;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            index++;
            String key = tag.getKey();
            String value = tag.getValue();
            String keyMember = "tags." + index + ".member.key";
            String valueMember = "tags." + index + ".member.value";
            if (key.isEmpty()) {
                params.violate(key, keyMember, "Member must have length greater than or equal to 1");
            } else if (key.length() > 128) {
                params.violate(key, keyMember, "Member must have length less than or equal to 128");
            } else if (!key.matches(TAG_KEY_PATTERN)) {
                params.violate(key, keyMember, "Member must satisfy regular expression pattern: " + TAG_KEY_PATTERN);
            }
            if (value.length() > 256) {
                params.violate(value, valueMember, "Member must have length less than or equal to 256");
            } else if (!value.matches(TAG_VALUE_PATTERN)) {
                params.violate(value, valueMember, "Member must satisfy regular expression pattern: "
                        + TAG_VALUE_PATTERN);
            }
        }
        return new SessionPolicy(policies, policy, policyArns, tags);
    }

    private static void credentials(Xml xml, IssuedCredentials.Session session) {
        xml.open("Credentials")
                .element("AccessKeyId", session.accessKeyId())
                .element("SecretAccessKey", session.secretAccessKey())
                .element("SessionToken", session.sessionToken())
                .element("Expiration", session.expiration().toString())
                .close();
    }
}
