package vn.khuyenhoc.shared;

/**
 * A request signed in with a personal access token rather than a password: the token's number and name, kept with the
 * request's authentication so that the audit trail says which token acted.
 */
public record TokenUse(long id, String name) {

    /** How the audit trail names the actor: the account, then the token. */
    public String actor(String username) {
        return username + " · mã truy cập “" + name + "” (#" + id + ")";
    }
}
