package vn.khuyenhoc.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the size of the whole list, as every list endpoint answers it. */
public record Paged<T>(List<T> items, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public <R> Paged<R> map(Function<T, R> mapper) {
        return new Paged<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
