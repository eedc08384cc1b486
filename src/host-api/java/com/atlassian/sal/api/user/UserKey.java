// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.sal_sal-api-5.1.4/com/atlassian/sal/api/user/UserKey.java (sal-api 5.1.4, Platform 6; no Platform 8 source found). The real class has no valueOf.
package com.atlassian.sal.api.user;

import java.io.Serializable;
import java.util.Objects;

public final class UserKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String value;

    public UserKey(String userkey) {
        this.value = Objects.requireNonNull(userkey, "userkey");
    }

    public String getStringValue() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other != null && other.getClass() == UserKey.class && value.equals(((UserKey) other).value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
