package dev.awsconnectors.testhost.ao;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import net.java.ao.Entity;
import net.java.ao.ManyToMany;
import net.java.ao.OneToMany;
import net.java.ao.RawEntity;

/**
 * The behind of an entity instance, as AO's {@code EntityProxy}: getters answer from the row's values, loaded in
 * full when the row was read. A reference to another entity ({@code getAccount()}) answers, as AO's does, a peer
 * that knows only its ID: no statement runs until one of its other columns is read, and then one that reads that
 * column alone (AO's {@code invokeGetter} on a value it does not hold). Setters change the values in memory only; {@code save()} writes the changed columns
 * in one UPDATE (inside the thread's transaction, if there is one). Equality is by table and ID, and
 * {@code toString()} is AO's {@code TABLE {ID = n}}: never a column value, since columns may hold secrets.
 */
final class EntityProxy implements InvocationHandler {
    private final JdbcActiveObjects activeObjects;
    private final EntityModel model;
    private final int id;
    private final Map<String, Object> values;
    private final Set<String> dirty = new LinkedHashSet<>();
    private final List<PropertyChangeListener> listeners = new CopyOnWriteArrayList<>();

    private EntityProxy(JdbcActiveObjects activeObjects, EntityModel model, int id, Map<String, Object> values) {
        this.activeObjects = activeObjects;
        this.model = model;
        this.id = id;
        this.values = new LinkedHashMap<>(values);
    }

    static Object create(JdbcActiveObjects activeObjects, EntityModel model, int id, Map<String, Object> values) {
        return Proxy.newProxyInstance(model.type.getClassLoader(), new Class<?>[] {model.type},
                new EntityProxy(activeObjects, model, id, values));
    }

    /** An entity known by its ID alone, as AO's {@code EntityManager.peer}: its columns are read when asked for. */
    static Object peer(JdbcActiveObjects activeObjects, EntityModel model, int id) {
        return create(activeObjects, model, id, Map.of());
    }

    /** The ID of an entity, whether it is one of ours or another {@code Entity} implementation. */
    static int idOf(RawEntity<?> entity) {
        if (Proxy.isProxyClass(entity.getClass())
                && Proxy.getInvocationHandler(entity) instanceof EntityProxy proxy) {
            return proxy.id;
        }
        if (entity instanceof Entity plain) {
            return plain.getID();
        }
        throw new IllegalArgumentException("Not an entity with an integer ID: " + entity.getClass().getName());
    }

    static EntityModel modelOf(RawEntity<?> entity) {
        if (Proxy.isProxyClass(entity.getClass())
                && Proxy.getInvocationHandler(entity) instanceof EntityProxy proxy) {
            return proxy.model;
        }
        return null;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> isSameRow(args[0]);
                case "hashCode" -> model.table.hashCode() * 31 + id;
                default -> model.table + " {" + EntityModel.ID + " = " + id + "}";
            };
        }
        Object answer = rawEntityMethod(proxy, method, args);
        if (answer != NOT_HANDLED) {
            return answer;
        }
        OneToMany oneToMany = model.oneToMany(method);
        if (oneToMany != null) {
            return activeObjects.oneToMany(model, id, method, oneToMany);
        }
        if (method.isAnnotationPresent(ManyToMany.class)) {
            throw new UnsupportedOperationException("@ManyToMany is not implemented by the test host's Active "
                    + "Objects: " + method);
        }
        ColumnMapping column = model.column(method);
        if (column != null && method.equals(column.getter)) {
            return read(column);
        }
        if (column != null && method.equals(column.setter)) {
            write(column, args[0]);
            return null;
        }
        throw new IllegalArgumentException("Cannot handle method. It is not a valid getter or setter and does not "
                + "have an implementation supplied. Signature: " + method);
    }

    private static final Object NOT_HANDLED = new Object();

    private Object rawEntityMethod(Object proxy, Method method, Object[] args) {
        int arity = method.getParameterCount();
        switch (method.getName()) {
            case "getEntityType":
                return arity == 0 ? model.type : NOT_HANDLED;
            case "save":
                if (arity == 0) {
                    save(proxy);
                    return null;
                }
                return NOT_HANDLED;
            case "init":
                return arity == 0 ? null : NOT_HANDLED;
            case "getEntityManager":
                // AO's EntityManager cannot be built outside AO; the app must not reach through to it.
                return arity == 0 ? null : NOT_HANDLED;
            case "addPropertyChangeListener":
                if (arity == 1 && method.getParameterTypes()[0] == PropertyChangeListener.class) {
                    listeners.add((PropertyChangeListener) args[0]);
                    return null;
                }
                return NOT_HANDLED;
            case "removePropertyChangeListener":
                if (arity == 1 && method.getParameterTypes()[0] == PropertyChangeListener.class) {
                    listeners.remove((PropertyChangeListener) args[0]);
                    return null;
                }
                return NOT_HANDLED;
            case "getID":
                return arity == 0 ? id : NOT_HANDLED;
            default:
                return NOT_HANDLED;
        }
    }

    private Object read(ColumnMapping column) {
        Object value;
        synchronized (values) {
            if (!values.containsKey(column.name)) {
                values.put(column.name, activeObjects.readColumn(model, id, column));
            }
            value = values.get(column.name);
        }
        if (value != null && column.isEntityReference()) {
            value = peer(activeObjects, activeObjects.model(column.referencedType()), (Integer) value);
        }
        return value != null ? value : column.nullValue();
    }

    private void write(ColumnMapping column, Object value) {
        if (value == null && column.notNull) {
            throw new IllegalArgumentException("Field '" + column.name + "' does not accept null values");
        }
        Object stored = value;
        if (value instanceof RawEntity<?> entity && column.isEntityReference()) {
            stored = idOf(entity);
        }
        synchronized (values) {
            values.put(column.name, stored);
            dirty.add(column.name);
        }
    }

    private void save(Object proxy) {
        Map<String, Object> changes = new LinkedHashMap<>();
        synchronized (values) {
            if (dirty.isEmpty()) {
                return;
            }
            for (String name : dirty) {
                changes.put(name, values.get(name));
            }
            activeObjects.update(model, id, changes);
            dirty.clear();
        }
        List<PropertyChangeEvent> events = new ArrayList<>();
        changes.forEach((name, value) -> events.add(new PropertyChangeEvent(proxy, name, null, value)));
        for (PropertyChangeListener listener : listeners) {
            events.forEach(listener::propertyChange);
        }
    }

    private boolean isSameRow(Object other) {
        if (!(other instanceof RawEntity<?> entity)) {
            return false;
        }
        EntityModel otherModel = modelOf(entity);
        return otherModel != null && otherModel.table.equals(model.table) && idOf(entity) == id;
    }

}
