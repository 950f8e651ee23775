package io.warnews.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void keepsTheMostRecentlyUsedAggregatesAndForgetsTheLeastRecentlyUsedBeyondItsSize() {
        BoundedCache cache = new BoundedCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("ledger-a", "A");
        cache.put("ledger-b", "B");
        assertThat((String) cache.get("ledger-a")).isEqualTo("A");
        cache.put("ledger-c", "C");

        assertThat(cache.containsKey("ledger-a")).isTrue();
        assertThat(cache.containsKey("ledger-b")).isFalse();
        assertThat((String) cache.get("ledger-c")).isEqualTo("C");
        assertThat(expired).containsExactly("ledger-b");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void keepsWhatItHoldsWhateverTheGarbageCollectorDoes() {
        BoundedCache cache = new BoundedCache(10);
        cache.put("ledger", new StringBuilder("a long ledger"));
        System.gc();
        assertThat(cache.<String, StringBuilder>get("ledger")).hasToString("a long ledger");
    }

    @Test
    void computesAndRemovesLikeAnyAxonCache() {
        BoundedCache cache = new BoundedCache(10);
        assertThat(cache.computeIfAbsent("x", () -> "first")).isEqualTo("first");
        assertThat(cache.computeIfAbsent("x", () -> "second")).isEqualTo("first");
        assertThat(cache.putIfAbsent("x", "third")).isFalse();
        cache.<String>computeIfPresent("x", value -> value + "!");
        assertThat((String) cache.get("x")).isEqualTo("first!");
        assertThat(cache.remove("x")).isTrue();
        assertThat(cache.containsKey("x")).isFalse();
        assertThatThrownBy(() -> new BoundedCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
