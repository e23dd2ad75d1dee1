package vn.khuyenhoc.clan;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A clan's first or closing day was set or changed. Published inside the change's transaction, so that a module
 * holding records on the clan (a chapter) can refuse dates that would leave them without their host.
 */
public record ClanDatesChanged(
        long clanId,
        String name,
        @Nullable LocalDate since,
        @Nullable LocalDate closedOn) {}
