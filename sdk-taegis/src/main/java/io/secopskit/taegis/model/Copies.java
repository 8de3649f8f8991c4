package io.secopskit.taegis.model;

import io.secopskit.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Immutable copies for the records of this package. */
final class Copies {
    private Copies() {
    }

    /**
     * Copies a list the Tenants API sent: null stays null (the field was not selected or the server sent
     * null), null elements are dropped (a GraphQL list item that failed), the rest is kept in order.
     *
     * @param list the list, or null
     * @param <T>  element type
     * @return an unmodifiable copy, or null
     */
    static <T> List<T> answer(List<T> list) {
        if (list == null) {
            return null;
        }
        List<T> out = new ArrayList<>(list.size());
        for (T item : list) {
            if (item != null) {
                out.add(item);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Copies a list a caller gives for a request: null stays null (not sent), null elements are refused.
     *
     * @param list  the list, or null
     * @param field the field's name, for the message
     * @param <T>   element type
     * @return an unmodifiable copy, or null
     * @throws ValidationException if the list holds null
     */
    static <T> List<T> request(List<T> list, String field) {
        if (list == null) {
            return null;
        }
        for (T item : list) {
            if (item == null) {
                throw new ValidationException("taegis", null, field, "must not hold null items");
            }
        }
        return List.copyOf(list);
    }
}
