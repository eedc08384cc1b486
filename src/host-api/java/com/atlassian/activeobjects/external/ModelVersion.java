// Signature checked against ngannk-fptu/Decompiled-Files/com.atlassian.activeobjects.activeobjects-plugin-5.2.1/com/atlassian/activeobjects/external/ModelVersion.java (activeobjects 5.2.1; used by atlassian-slack-integration-server master on platform 8.0.0).
package com.atlassian.activeobjects.external;

public final class ModelVersion implements Comparable<ModelVersion> {

    private final int number;

    private ModelVersion(int number) {
        this.number = number;
    }

    public static ModelVersion valueOf(String s) {
        return new ModelVersion(s == null ? 0 : Integer.parseInt(s));
    }

    @Override
    public int compareTo(ModelVersion other) {
        return Integer.compare(number, other.number);
    }

    public boolean isOlderThan(ModelVersion other) {
        return compareTo(other) < 0;
    }

    public boolean isNewerThan(ModelVersion other) {
        return compareTo(other) > 0;
    }

    public boolean isSame(ModelVersion other) {
        return compareTo(other) == 0;
    }

    @Override
    public String toString() {
        return Integer.toString(number);
    }
}
