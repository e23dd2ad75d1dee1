package vn.khuyenhoc.clan;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What a person or an API client sends to create or edit a clan. */
record ClanForm(
        @Nullable String name,
        @Nullable String kind,
        @Nullable String religion,
        @Nullable Integer householdsApprox,
        @Nullable String localityCode,
        @Nullable LocalDate since,
        @Nullable LocalDate closedOn,
        @Nullable Integer version) {

    static ClanForm empty() {
        return new ClanForm("", "CLAN", null, null, "", null, null, null);
    }

    static ClanForm of(ClanView view) {
        return new ClanForm(
                view.name(),
                view.kind().name(),
                view.religion(),
                view.householdsApprox(),
                view.localityCode(),
                view.since(),
                view.closedOn(),
                view.version());
    }
}
