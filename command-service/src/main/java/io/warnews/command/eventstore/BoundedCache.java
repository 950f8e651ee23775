package io.warnews.command.eventstore;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Aggregates kept in memory between commands, the {@code maxEntries} least recently used ones: a
 * cache of strong references that a garbage collection does not empty (a weak-reference cache
 * forgot every ledger at each collection, and the next write read it back from its snapshot while
 * holding the ledger's lock).
 */
final class BoundedCache implements Cache {

    private final int maxEntries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedHashMap<Object, Object> entries;

    BoundedCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("the aggregate cache needs room for at least one aggregate");
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                if (size() > BoundedCache.this.maxEntries) {
                    listeners.forEach(listener -> listener.onEntryExpired(eldest.getKey()));
                    return true;
                }
                return false;
            }
        };
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        Object previous;
        synchronized (entries) {
            previous = entries.put(key, value);
        }
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added;
        synchronized (entries) {
            added = entries.putIfAbsent(key, value) == null;
        }
        if (added) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        synchronized (entries) {
            Object current = entries.get(key);
            if (current != null) {
                return (T) current;
            }
        }
        T value = valueSupplier.get();
        if (value == null) {
            throw new IllegalArgumentException("the value supplier gave no value for " + key);
        }
        synchronized (entries) {
            Object raced = entries.putIfAbsent(key, value);
            if (raced != null) {
                return (T) raced;
            }
        }
        listeners.forEach(listener -> listener.onEntryCreated(key, value));
        return value;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (entries) {
            removed = entries.remove(key) != null;
        }
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        synchronized (entries) {
            keys = List.copyOf(entries.keySet());
            entries.clear();
        }
        keys.forEach(key -> listeners.forEach(listener -> listener.onEntryRemoved(key)));
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object updated;
        synchronized (entries) {
            Object current = entries.get(key);
            if (current == null) {
                return;
            }
            updated = update.apply((V) current);
            if (updated == null) {
                entries.remove(key);
            } else {
                entries.put(key, updated);
            }
        }
        listeners.forEach(listener -> {
            if (updated == null) {
                listener.onEntryRemoved(key);
            } else {
                listener.onEntryUpdated(key, updated);
            }
        });
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
