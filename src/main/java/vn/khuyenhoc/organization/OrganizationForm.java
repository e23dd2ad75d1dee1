package vn.khuyenhoc.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What a person or an API client sends to create or edit an organization; codes or Vietnamese labels. */
record OrganizationForm(
        @Nullable String name,
        @Nullable String kind,
        @Nullable String schoolLevel,
        @Nullable String managingLevel,
        @Nullable String localityCode,
        @Nullable LocalDate openedOn,
        @Nullable Integer version) {

    static OrganizationForm empty() {
        return new OrganizationForm("", "SCHOOL", "PRIMARY", "COMMUNE", "", null, null);
    }

    static OrganizationForm of(OrganizationView view) {
        return new OrganizationForm(
                view.name(),
                view.kind().name(),
                view.schoolLevel() == null ? null : view.schoolLevel().name(),
                view.managingLevel().name(),
                view.localityCode(),
                view.openedOn(),
                view.version());
    }
}
