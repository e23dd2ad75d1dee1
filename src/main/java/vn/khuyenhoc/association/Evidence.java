package vn.khuyenhoc.association;

import org.jspecify.annotations.Nullable;

/** A file that shows a chapter ran the movement (minutes, a photo, a report); absent when none was attached. */
record Evidence(@Nullable String name, @Nullable String contentType, byte @Nullable [] content) {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    static Evidence none() {
        return new Evidence(null, null, null);
    }
}
