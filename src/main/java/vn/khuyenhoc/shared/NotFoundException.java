package vn.khuyenhoc.shared;

/**
 * A record that does not exist or lies outside the caller's scope. Both answer 404 so that a user cannot learn
 * what exists outside the subtree they are bound to.
 */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
