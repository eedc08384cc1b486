package dev.awsconnectors.layeringfixture.accounts;

public final class KeyMasking {
    private KeyMasking() {
    }

    public static String masked(String id) {
        return "*".repeat(id.length());
    }
}
