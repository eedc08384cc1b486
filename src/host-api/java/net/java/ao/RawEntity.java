// Signature checked against ngannk-fptu/Decompiled-Files/com.atlassian.activeobjects.activeobjects-plugin-5.2.1/net/java/ao/RawEntity.java (activeobjects 5.2.1).
package net.java.ao;

import java.beans.PropertyChangeListener;
import net.java.ao.schema.Ignore;

public interface RawEntity<T> {

    @Ignore
    void init();

    @Ignore
    void save();

    @Ignore
    EntityManager getEntityManager();

    @Ignore
    <X extends RawEntity<T>> Class<X> getEntityType();

    @Ignore
    void addPropertyChangeListener(PropertyChangeListener listener);

    @Ignore
    void removePropertyChangeListener(PropertyChangeListener listener);
}
