package dev.awsconnectors.testhost.aws;

/**
 * A long-term access key pair the double knows: an {@code AKIA...} id and its 40-character secret.
 * {@code toString} leaves the secret out, as real credential types do.
 */
public record AccessKey(String accessKeyId, String secretAccessKey) {

    @Override
    public String toString() {
        return "AccessKey[" + accessKeyId + "]";
    }
}
