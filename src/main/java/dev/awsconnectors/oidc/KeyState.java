package dev.awsconnectors.oidc;

/** Where a signing key is in its life: published ahead, signing, or published until its tokens have expired. */
public enum KeyState {
    /** In the JWKS, not yet signing: verifiers that cache the JWKS learn it before they meet a token it signed. */
    NEXT,
    /** Signs every new token; exactly one key is current. */
    CURRENT,
    /** No longer signing, still in the JWKS until every token it signed has expired. */
    PREVIOUS
}
