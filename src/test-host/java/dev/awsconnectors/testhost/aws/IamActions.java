package dev.awsconnectors.testhost.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * AWS IAM (API version 2010-05-08): the read calls an admin screen needs (ListRoles, ListAccountAliases, GetUser,
 * ListAccessKeys), key rotation (CreateAccessKey, DeleteAccessKey), SimulateCustomPolicy, and OpenID Connect identity
 * providers (Create, Get, List and DeleteOpenIDConnectProvider), answered in IAM's XML.
 */
final class IamActions {

    static final String VERSION = "2010-05-08";
    static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    static final List<String> ACTIONS = List.of("ListRoles", "ListAccountAliases", "GetUser", "ListAccessKeys",
            "CreateAccessKey", "DeleteAccessKey", "SimulateCustomPolicy", "CreateOpenIDConnectProvider",
            "GetOpenIDConnectProvider", "ListOpenIDConnectProviders", "DeleteOpenIDConnectProvider");

    /** IAM's quota of audiences per OIDC provider, and its limit on thumbprints. */
    static final int MAX_CLIENT_IDS = 100;
    static final int MAX_THUMBPRINTS = 5;

    private static final String USER_NAME_PATTERN = "[\\w+=,.@-]+";

    private final Directory directory;
    private final Policies policies;

    IamActions(Directory directory, Policies policies) {
        this.directory = directory;
        this.policies = policies;
    }

    String handle(String action, Map<String, String> parameters, Caller caller, String requestId) {
        // AWS: credentials from GetSessionToken may call IAM only when the session was created with MFA.
        if (caller.credentials() == CredentialType.SESSION_TOKEN && !caller.mfaAuthenticated()) {
            throw AwsErrors.accessDenied("User: " + caller.principal().arn() + " is not authorized to perform: iam:"
                    + action + " because no MFA authentication information was included with the session "
                    + "credentials");
        }
        Params params = new Params(parameters);
        String result = switch (action) {
            case "ListRoles" -> listRoles(params, caller);
            case "ListAccountAliases" -> listAccountAliases(caller);
            case "GetUser" -> getUser(params, caller);
            case "ListAccessKeys" -> listAccessKeys(params, caller);
            case "CreateAccessKey" -> createAccessKey(params, caller);
            case "DeleteAccessKey" -> deleteAccessKey(params, caller);
            case "SimulateCustomPolicy" -> simulateCustomPolicy(params);
            case "CreateOpenIDConnectProvider" -> createOpenIdConnectProvider(params, caller);
            case "GetOpenIDConnectProvider" -> getOpenIdConnectProvider(params, caller);
            case "ListOpenIDConnectProviders" -> listOpenIdConnectProviders(caller);
            case "DeleteOpenIDConnectProvider" -> deleteOpenIdConnectProvider(params, caller);
            default -> throw AwsErrors.invalidAction(action, VERSION);
        };
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + NAMESPACE + "\">"
                + result + "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata></"
                + action + "Response>";
    }

    private String listRoles(Params params, Caller caller) {
        String pathPrefix = params.string("PathPrefix", "pathPrefix", false, 1, 512, "\\u002F[\\u0021-\\u007F]*");
        String marker = params.string("Marker", "marker", false, 1, 320, "[\\u0020-\\u00FF]+");
        Integer maxItems = params.integer("MaxItems", "maxItems", 1, 1000);
        params.check();
        String prefix = pathPrefix == null ? "/" : pathPrefix;
        List<IamRole> matching = new ArrayList<>();
        for (IamRole role : caller.account(directory).rolesSortedByName()) {
            if (role.path().startsWith(prefix)) {
                matching.add(role);
            }
        }
        int from = marker == null ? 0 : decodeMarker(marker);
        int to = Math.min(matching.size(), from + (maxItems == null ? 100 : maxItems));
        Xml xml = Xml.fragment().open("ListRolesResult").open("Roles");
        for (IamRole role : matching.subList(Math.min(from, matching.size()), to)) {
            xml.open("member")
                    .element("Path", role.path())
                    // IAM returns policy documents URL-encoded (RFC 3986); callers must decode them.
                    .element("AssumeRolePolicyDocument", FormCodec.encode(role.trustPolicyJson()))
                    .element("RoleId", role.roleId())
                    .element("RoleName", role.name())
                    .element("Arn", role.arn())
                    .element("CreateDate", timestamp(role.created()))
                    .element("MaxSessionDuration", role.maxSessionDuration())
                    .close();
        }
        xml.close().element("IsTruncated", to < matching.size());
        if (to < matching.size()) {
            xml.element("Marker", encodeMarker(to));
        }
        return xml.close().toXml();
    }

    private String listAccountAliases(Caller caller) {
        String alias = caller.account(directory).alias();
        Xml xml = Xml.fragment().open("ListAccountAliasesResult").open("AccountAliases");
        if (alias != null) {
            xml.element("member", alias);
        }
        return xml.close().element("IsTruncated", false).close().toXml();
    }

    private String getUser(Params params, Caller caller) {
        String userName = params.string("UserName", "userName", false, 1, 128, USER_NAME_PATTERN);
        params.check();
        Xml xml = Xml.fragment().open("GetUserResult").open("User");
        if (userName == null && caller.isRoot()) {
            AwsAccount account = caller.account(directory);
            xml.element("UserId", account.id()).element("Arn", account.rootArn())
                    .element("CreateDate", timestamp(account.created()));
        } else {
            IamUser user = targetUser(userName, caller);
            xml.element("Path", "/").element("UserName", user.name()).element("UserId", user.userId())
                    .element("Arn", user.arn()).element("CreateDate", timestamp(user.created()));
        }
        return xml.close().close().toXml();
    }

    private String listAccessKeys(Params params, Caller caller) {
        String userName = params.string("UserName", "userName", false, 1, 128, USER_NAME_PATTERN);
        params.check();
        IamUser user = userName == null && caller.isRoot() ? null : targetUser(userName, caller);
        Xml xml = Xml.fragment().open("ListAccessKeysResult");
        if (user != null) {
            xml.element("UserName", user.name());
        }
        xml.open("AccessKeyMetadata");
        for (LongTermKey key : directory.keysOf(caller.account(directory), user)) {
            xml.open("member");
            if (user != null) {
                xml.element("UserName", user.name());
            }
            xml.element("AccessKeyId", key.key.accessKeyId())
                    .element("Status", status(key))
                    .element("CreateDate", timestamp(key.created))
                    .close();
        }
        return xml.close().element("IsTruncated", false).close().toXml();
    }

    private String createAccessKey(Params params, Caller caller) {
        String userName = params.string("UserName", "userName", false, 1, 128, USER_NAME_PATTERN);
        params.check();
        IamUser user = userName == null && caller.isRoot() ? null : targetUser(userName, caller);
        AwsAccount account = caller.account(directory);
        AccessKey key;
        synchronized (directory.lock) {
            if (directory.keysOf(account, user).size() >= IamUser.MAX_ACCESS_KEYS) {
                throw AwsErrors.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + IamUser.MAX_ACCESS_KEYS);
            }
            key = user == null ? account.addRootAccessKey() : user.addAccessKey();
        }
        LongTermKey stored = directory.findKey(key.accessKeyId()).orElseThrow();
        Xml xml = Xml.fragment().open("CreateAccessKeyResult").open("AccessKey");
        if (user != null) {
            xml.element("UserName", user.name());
        }
        return xml.element("AccessKeyId", key.accessKeyId())
                .element("Status", status(stored))
                .element("SecretAccessKey", key.secretAccessKey())
                .element("CreateDate", timestamp(stored.created))
                .close().close().toXml();
    }

    private String deleteAccessKey(Params params, Caller caller) {
        String accessKeyId = params.string("AccessKeyId", "accessKeyId", true, 16, 128, "[\\w]+");
        String userName = params.string("UserName", "userName", false, 1, 128, USER_NAME_PATTERN);
        params.check();
        IamUser user = userName == null && caller.isRoot() ? null : targetUser(userName, caller);
        AwsAccount account = caller.account(directory);
        synchronized (directory.lock) {
            directory.findKey(accessKeyId).filter(key -> key.account == account && key.user == user)
                    .orElseThrow(() -> AwsErrors.noSuchEntity("The Access Key with id " + accessKeyId
                            + " cannot be found."));
            directory.removeKey(accessKeyId);
        }
        return "";
    }

    private String simulateCustomPolicy(Params params) {
        List<String> documents = params.list("PolicyInputList");
        List<String> actions = params.list("ActionNames");
        List<String> resources = params.list("ResourceArns");
        if (documents.isEmpty()) {
            params.violate("[]", "policyInputList", "Member must not be null");
        }
        if (actions.isEmpty()) {
            params.violate("[]", "actionNames", "Member must not be null");
        }
        params.check();
        List<JsonNode> parsed = new ArrayList<>();
        documents.forEach(document -> parsed.add(policies.parse(document)));
        Xml xml = Xml.fragment().open("SimulateCustomPolicyResult").open("EvaluationResults");
        for (String action : actions) {
            for (String resource : resources.isEmpty() ? List.of("*") : resources) {
                Policies.Evaluation evaluation = policies.evaluate(parsed, action, resource);
                xml.open("member")
                        .element("EvalActionName", evaluation.action())
                        .element("EvalResourceName", evaluation.resource())
                        .element("EvalDecision", evaluation.decision())
                        .open("MatchedStatements");
                evaluation.matchedPolicyIds().forEach(id -> xml.open("member").element("SourcePolicyId", id).close());
                xml.close().open("MissingContextValues");
                evaluation.missingContextKeys().forEach(key -> xml.element("member", key));
                xml.close().close();
            }
        }
        return xml.close().element("IsTruncated", false).close().toXml();
    }

    /**
     * IAM checks the parameters' lengths first (ValidationError), then the URL (InvalidInput), the thumbprint count
     * (InvalidInput) and the audience quota (LimitExceeded), then that the URL is new (EntityAlreadyExists). The
     * double does not fetch thumbprints when none are given: AWS now trusts the issuer's certificate by its CA.
     */
    private String createOpenIdConnectProvider(Params params, Caller caller) {
        String url = params.string("Url", "url", true, 1, 255, null);
        List<String> clientIds = params.list("ClientIDList");
        List<String> thumbprints = params.list("ThumbprintList");
        for (int i = 0; i < clientIds.size(); i++) {
            String clientId = clientIds.get(i);
            if (clientId.isEmpty() || clientId.length() > 255) {
                params.violate(clientId, "clientIDList." + (i + 1) + ".member", clientId.isEmpty()
                        ? "Member must have length greater than or equal to 1"
                        : "Member must have length less than or equal to 255");
            }
        }
        for (int i = 0; i < thumbprints.size(); i++) {
            String thumbprint = thumbprints.get(i);
            if (thumbprint.length() != 40) {
                params.violate(thumbprint, "thumbprintList." + (i + 1) + ".member", thumbprint.length() < 40
                        ? "Member must have length greater than or equal to 40"
                        : "Member must have length less than or equal to 40");
            }
        }
        params.check();
        if (!OidcProvider.isValidUrl(url)) {
            throw AwsErrors.invalidInput("Invalid Open ID Connect Provider URL");
        }
        if (thumbprints.size() > MAX_THUMBPRINTS) {
            throw AwsErrors.invalidInput("Thumbprint list must contain fewer than 5 entries.");
        }
        if (clientIds.size() > MAX_CLIENT_IDS) {
            throw AwsErrors.limitExceeded("Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: "
                    + MAX_CLIENT_IDS);
        }
        OidcProvider provider = caller.account(directory).createOidcProvider(url,
                List.copyOf(new LinkedHashSet<>(clientIds)), thumbprints);
        return Xml.fragment().open("CreateOpenIDConnectProviderResult")
                .element("OpenIDConnectProviderArn", provider.arn()).close().toXml();
    }

    /** IAM gives the URL back without its scheme, as in the ARN. */
    private String getOpenIdConnectProvider(Params params, Caller caller) {
        OidcProvider provider = findProvider(params, caller);
        Xml xml = Xml.fragment().open("GetOpenIDConnectProviderResult")
                .element("Url", provider.hostAndPath())
                .element("CreateDate", timestamp(provider.created()))
                .open("ClientIDList");
        provider.clientIds().forEach(id -> xml.element("member", id));
        xml.close().open("ThumbprintList");
        provider.thumbprints().forEach(thumbprint -> xml.element("member", thumbprint));
        return xml.close().open("Tags").close().close().toXml();
    }

    private String listOpenIdConnectProviders(Caller caller) {
        Xml xml = Xml.fragment().open("ListOpenIDConnectProvidersResult").open("OpenIDConnectProviderList");
        caller.account(directory).oidcProviders()
                .forEach(provider -> xml.open("member").element("Arn", provider.arn()).close());
        return xml.close().close().toXml();
    }

    /** Deleting a provider that does not exist is no error: IAM documents the call as idempotent. */
    private String deleteOpenIdConnectProvider(Params params, Caller caller) {
        String arn = params.string("OpenIDConnectProviderArn", "openIDConnectProviderArn", true, 20, 2048, null);
        params.check();
        caller.account(directory).removeOidcProvider(arn);
        return "";
    }

    private OidcProvider findProvider(Params params, Caller caller) {
        String arn = params.string("OpenIDConnectProviderArn", "openIDConnectProviderArn", true, 20, 2048, null);
        params.check();
        return caller.account(directory).findOidcProviderByArn(arn).orElseThrow(() -> AwsErrors.noSuchEntity(
                "OpenIDConnect Provider not found for arn " + arn));
    }

    /** The named user of the caller's account, or the calling user itself when no name is given. */
    private IamUser targetUser(String userName, Caller caller) {
        if (userName == null) {
            if (caller.user() == null) {
                throw AwsErrors.validation("Must specify userName when calling with non-User credentials");
            }
            return caller.user();
        }
        return caller.account(directory).findUser(userName)
                .orElseThrow(() -> AwsErrors.noSuchEntity("The user with name " + userName + " cannot be found."));
    }

    private String status(LongTermKey key) {
        synchronized (directory.lock) {
            return key.active ? "Active" : "Inactive";
        }
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Markers are opaque to callers; this one is the index of the next role. */
    private static String encodeMarker(int index) {
        return Base64.getEncoder().encodeToString(("roles:" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeMarker(String marker) {
        try {
            String decoded = new String(Base64.getDecoder().decode(marker), StandardCharsets.UTF_8);
            if (decoded.startsWith("roles:")) {
                return Integer.parseInt(decoded.substring("roles:".length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error AWS gives for a marker it did not issue
        }
        throw AwsErrors.validation("Invalid Marker.");
    }
}
