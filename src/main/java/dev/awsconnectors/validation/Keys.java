package dev.awsconnectors.validation;

/** The i18n keys of every validation message; a test keeps this list and the properties file in step. */
final class Keys {
    static final String NAME_REQUIRED = "awsc.validation.name.required";
    static final String NAME_TOO_LONG = "awsc.validation.name.tooLong";
    static final String NAME_TAKEN = "awsc.validation.name.taken";
    static final String DESCRIPTION_TOO_LONG = "awsc.validation.description.tooLong";
    static final String NAME_CHARACTERS = "awsc.validation.name.characters";
    static final String DESCRIPTION_CHARACTERS = "awsc.validation.description.characters";

    static final String TYPE_REQUIRED = "awsc.validation.type.required";
    static final String ACCESS_KEY_ID_REQUIRED = "awsc.validation.accessKeyId.required";
    static final String ACCESS_KEY_ID_LENGTH = "awsc.validation.accessKeyId.length";
    static final String ACCESS_KEY_ID_CHARACTERS = "awsc.validation.accessKeyId.characters";
    static final String ACCESS_KEY_ID_TEMPORARY = "awsc.validation.accessKeyId.temporary";
    static final String ACCESS_KEY_ID_PREFIX = "awsc.validation.accessKeyId.prefix";
    static final String ACCESS_KEY_ID_NOT_ALLOWED = "awsc.validation.accessKeyId.notAllowed";
    static final String ACCESS_KEY_ID_KEYLESS = "awsc.validation.accessKeyId.keyless";
    static final String ACCESS_KEY_ID_TAKEN = "awsc.validation.accessKeyId.taken";
    static final String SECRET_REQUIRED = "awsc.validation.secretAccessKey.required";
    static final String SECRET_LENGTH = "awsc.validation.secretAccessKey.length";
    static final String SECRET_CHARACTERS = "awsc.validation.secretAccessKey.characters";
    static final String SECRET_NOT_ALLOWED = "awsc.validation.secretAccessKey.notAllowed";
    static final String SECRET_KEYLESS = "awsc.validation.secretAccessKey.keyless";
    static final String TYPE_USED_BY_KEY_CONNECTORS = "awsc.validation.type.usedByKeyConnectors";
    static final String AUDIENCE_NOT_ALLOWED = "awsc.validation.audience.notAllowed";
    static final String AUDIENCE_LENGTH = "awsc.validation.audience.length";
    static final String AUDIENCE_CHARACTERS = "awsc.validation.audience.characters";
    static final String ISSUER_URL_NOT_ALLOWED = "awsc.validation.issuerUrl.notAllowed";
    static final String ISSUER_URL_NOT_ABSOLUTE = "awsc.validation.issuerUrl.notAbsolute";
    static final String ISSUER_URL_SCHEME = "awsc.validation.issuerUrl.scheme";
    static final String ISSUER_URL_USER_INFO = "awsc.validation.issuerUrl.userInfo";
    static final String ISSUER_URL_QUERY = "awsc.validation.issuerUrl.query";
    static final String ISSUER_URL_TOO_LONG = "awsc.validation.issuerUrl.tooLong";
    static final String PARTITION_REQUIRED = "awsc.validation.partition.required";
    static final String REGION_REQUIRED = "awsc.validation.region.required";
    static final String REGION_FORMAT = "awsc.validation.region.format";
    static final String REGION_PARTITION = "awsc.validation.region.partition";
    static final String ENDPOINT_NOT_ABSOLUTE = "awsc.validation.endpointOverride.notAbsolute";
    static final String ENDPOINT_SCHEME = "awsc.validation.endpointOverride.scheme";
    static final String ENDPOINT_USER_INFO = "awsc.validation.endpointOverride.userInfo";
    static final String ENDPOINT_QUERY = "awsc.validation.endpointOverride.query";
    static final String ENDPOINT_TOO_LONG = "awsc.validation.endpointOverride.tooLong";

    static final String ACCOUNT_ID_REQUIRED = "awsc.validation.accountId.required";
    static final String ACCOUNT_ID_UNKNOWN = "awsc.validation.accountId.unknown";
    static final String PRINCIPAL_TYPE_REQUIRED = "awsc.validation.principalType.required";
    static final String PRINCIPAL_TYPE_HOST_ROLE = "awsc.validation.principalType.hostRole";
    static final String PRINCIPAL_TYPE_WEB_IDENTITY = "awsc.validation.principalType.webIdentity";
    static final String ROLE_ARN_REQUIRED = "awsc.validation.roleArn.required";
    static final String ROLE_ARN_NOT_ALLOWED = "awsc.validation.roleArn.notAllowed";
    static final String ROLE_ARN_LENGTH = "awsc.validation.roleArn.length";
    static final String ROLE_ARN_FORMAT = "awsc.validation.roleArn.format";
    static final String ROLE_ARN_PATH_LENGTH = "awsc.validation.roleArn.pathLength";
    static final String ROLE_ARN_PARTITION = "awsc.validation.roleArn.partition";
    static final String EXTERNAL_ID_NOT_ALLOWED = "awsc.validation.externalId.notAllowed";
    static final String EXTERNAL_ID_WEB_IDENTITY = "awsc.validation.externalId.webIdentity";
    static final String EXTERNAL_ID_LENGTH = "awsc.validation.externalId.length";
    static final String EXTERNAL_ID_CHARACTERS = "awsc.validation.externalId.characters";
    static final String POLICY_NOT_ALLOWED = "awsc.validation.policy.notAllowed";
    static final String POLICY_CHARACTERS = "awsc.validation.policy.characters";
    static final String POLICY_JSON = "awsc.validation.policy.json";
    static final String POLICY_NOT_OBJECT = "awsc.validation.policy.notObject";
    static final String POLICY_STATEMENT = "awsc.validation.policy.statement";
    static final String POLICY_TOTAL_LENGTH = "awsc.validation.policy.totalLength";
    static final String POLICY_NONE = "awsc.validation.policy.none";
    static final String POLICY_ARNS_NOT_ALLOWED = "awsc.validation.policyArns.notAllowed";
    static final String POLICY_ARNS_TOO_MANY = "awsc.validation.policyArns.tooMany";
    static final String POLICY_ARNS_LENGTH = "awsc.validation.policyArns.length";
    static final String POLICY_ARNS_FORMAT = "awsc.validation.policyArns.format";
    static final String POLICY_ARNS_PATH_LENGTH = "awsc.validation.policyArns.pathLength";
    static final String POLICY_ARNS_PARTITION = "awsc.validation.policyArns.partition";
    static final String POLICY_ARNS_DUPLICATE = "awsc.validation.policyArns.duplicate";
    static final String DURATION_RANGE = "awsc.validation.maxDurationSeconds.range";
    static final String DURATION_ROLE_CHAINING = "awsc.validation.maxDurationSeconds.roleChaining";
    static final String MFA_NOT_ALLOWED = "awsc.validation.mfaSerialNumber.notAllowed";
    static final String MFA_HOST_ROLE = "awsc.validation.mfaSerialNumber.hostRole";
    static final String MFA_WEB_IDENTITY = "awsc.validation.mfaSerialNumber.webIdentity";
    static final String MFA_LENGTH = "awsc.validation.mfaSerialNumber.length";
    static final String MFA_CHARACTERS = "awsc.validation.mfaSerialNumber.characters";
    static final String SYSTEM_SCOPE_MFA = "awsc.validation.systemScope.mfa";
    static final String SOURCE_IDENTITY_NOT_ALLOWED = "awsc.validation.sourceIdentityAndTags.notAllowed";
    static final String CONSOLE_NOT_ALLOWED = "awsc.validation.consoleDestination.notAllowed";
    static final String CONSOLE_FORMAT = "awsc.validation.consoleDestination.format";
    static final String CONSOLE_TOO_LONG = "awsc.validation.consoleDestination.tooLong";
    static final String CONSOLE_HOST = "awsc.validation.consoleDestination.host";
    static final String GROUPS_BLANK = "awsc.validation.groups.blank";
    static final String GROUPS_TOO_LONG = "awsc.validation.groups.tooLong";
    static final String GROUPS_TOO_MANY = "awsc.validation.groups.tooMany";
    static final String GROUPS_CHARACTERS = "awsc.validation.groups.characters";
    static final String GROUPS_UNKNOWN = "awsc.validation.groups.unknown";

    private Keys() {
    }
}
