package vn.khuyenhoc.shared;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This running instance of the product, named for the rows it claims in the shared database (a report it makes, a
 * scheduled task it runs): the host, the process and a random part, so that two instances never share a name, even
 * in one process.
 */
@Component
public class Instance {

    private final String name;

    Instance() {
        this.name = host() + ":" + ProcessHandle.current().pid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public String name() {
        return name;
    }

    /** The host's name as the environment gives it (no name look-up: it can take seconds where DNS is slow). */
    private static String host() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "host" : host.strip();
    }

    @Override
    public String toString() {
        return name;
    }
}
