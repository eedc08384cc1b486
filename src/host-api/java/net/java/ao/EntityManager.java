// Signature checked against ngannk-fptu/Decompiled-Files/com.atlassian.activeobjects.activeobjects-plugin-5.2.1/net/java/ao/EntityManager.java (activeobjects 5.2.1; declaration only, no members copied).
package net.java.ao;

public class EntityManager {

    private EntityManager() {
    }
}
