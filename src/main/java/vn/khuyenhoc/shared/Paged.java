package vn.khuyenhoc.shared;

import java.util.List;

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
}
