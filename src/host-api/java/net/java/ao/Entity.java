// Signature checked against ngannk-fptu/Decompiled-Files/com.atlassian.activeobjects.activeobjects-plugin-5.2.1/net/java/ao/Entity.java (activeobjects 5.2.1).
package net.java.ao;

import net.java.ao.schema.AutoIncrement;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.PrimaryKey;

public interface Entity extends RawEntity<Integer> {

    @AutoIncrement
    @NotNull
    @PrimaryKey("ID")
    int getID();
}
