package dev.awsconnectors.layeringfixture.api;

import dev.awsconnectors.layeringfixture.accounts.KeyMasking;

/** An exported type that exposes a type of the app. */
public interface LeakyApi {
    KeyMasking masking();
}
