package dev.awsconnectors.layeringfixture.broker;

import dev.awsconnectors.layeringfixture.testhost.DemoHost;

/** App code that leans on the demo host. */
public final class HostBoundBroker {
    public String hostName() {
        return DemoHost.NAME_OF_THE_HOST.toString();
    }
}
