package io.cruddur.messaging.core.port;

import java.util.List;

/**
 * Items in the order the query asked for, and whether at least one more item lies beyond them
 * (known for certain, never guessed: a slice that ends at the last item says {@code false}).
 *
 * @param <T>   what the items are
 * @param items the items, in the query's order
 * @param more  whether at least one more item lies beyond the last of them
 */
public record Slice<T>(List<T> items, boolean more) {
    /**
     * Copies the items.
     *
     * @param items the items, in the query's order
     * @param more  whether at least one more item lies beyond them
     */
    public Slice {
        items = List.copyOf(items);
    }

    /**
     * {@return a slice of no items and nothing beyond}
     *
     * @param <T> what the items would be
     */
    public static <T> Slice<T> empty() {
        return new Slice<>(List.of(), false);
    }
}
