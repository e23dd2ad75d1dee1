package vn.khuyenhoc.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An organization's founding or closing day was set or changed. Published inside the change's transaction, so that a
 * module holding records on the organization (a chapter) can refuse dates that would leave them without their host.
 */
public record OrganizationDatesChanged(
        long organizationId,
        String name,
        @Nullable LocalDate since,
        @Nullable LocalDate closedOn) {}
