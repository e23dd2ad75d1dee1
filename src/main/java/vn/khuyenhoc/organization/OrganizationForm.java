package vn.khuyenhoc.organization;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a person or an API client sends to create or edit an organization; codes or Vietnamese labels. {@code since} is
 * the founding day (the former name {@code openedOn} is still accepted); {@code closedOn} closes it or corrects that day.
 */
record OrganizationForm(
        @Nullable String name,
        @Nullable String kind,
        @Nullable String schoolLevel,
        @Nullable String managingLevel,
        @Nullable String localityCode,
        @JsonAlias("openedOn") @Nullable LocalDate since,
        @Nullable LocalDate closedOn,
        @Nullable Integer version) {

    static OrganizationForm empty() {
        return new OrganizationForm("", "SCHOOL", "PRIMARY", "COMMUNE", "", null, null, null);
    }

    static OrganizationForm of(OrganizationView view) {
        return new OrganizationForm(
                view.name(),
                view.kind().name(),
                view.schoolLevel() == null ? null : view.schoolLevel().name(),
                view.managingLevel().name(),
                view.localityCode(),
                view.openedOn(),
                view.closedOn(),
                view.version());
    }
}
