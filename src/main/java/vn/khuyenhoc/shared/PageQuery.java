package vn.khuyenhoc.shared;

import org.jspecify.annotations.Nullable;

/**
 * A requested page, clamped so that a hand-written URL cannot ask for a million rows, nor skip so many that the
 * database reads for seconds ({@code page=2147483647} took 3 s and, repeated, held the pool): past
 * {@link #MAX_OFFSET} rows a person narrows the search or exports.
 */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    public static final int MAX_OFFSET = 100_000;

    public PageQuery {
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        page = Math.min(Math.max(0, page), MAX_OFFSET / size);
    }

    public static PageQuery of(@Nullable Integer page, @Nullable Integer size) {
        return new PageQuery(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
