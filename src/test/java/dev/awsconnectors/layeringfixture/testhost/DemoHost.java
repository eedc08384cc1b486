package dev.awsconnectors.layeringfixture.testhost;

public enum DemoHost {
    NAME_OF_THE_HOST
}
