package dev.awsconnectors.sts;

import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.InvalidCredentialsRequestException;

/**
 * Whether a code is one an MFA device shows (STS {@code TokenCode}: six digits). The rule is the exported API's own,
 * which {@link CredentialsRequest#withMfaCode(String)} promises to apply, so it is asked rather than repeated here.
 */
final class MfaCodes {

    private MfaCodes() {
    }

    static boolean isWellFormed(String code) {
        if (code == null) {
            return false;
        }
        try {
            CredentialsRequest.defaults().withMfaCode(code);
            return true;
        } catch (InvalidCredentialsRequestException e) {
            return false;
        }
    }
}
