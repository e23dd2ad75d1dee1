package vn.khuyenhoc.shared;

/** A save based on a stale version of a record: someone else changed it in between. Never overwritten silently. */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
