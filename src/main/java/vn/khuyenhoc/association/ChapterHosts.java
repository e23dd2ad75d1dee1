package vn.khuyenhoc.association;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.clan.ClanDatesChanged;
import vn.khuyenhoc.organization.OrganizationDatesChanged;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;
import vn.khuyenhoc.shared.Lifespan;

/**
 * Keeps each chapter within its host's days when the host's dates change: a host closed while its chapter is still
 * active (or dissolved later) is refused, as is a host begun after its chapter was founded. The officer records the
 * chapter's dissolution first; nothing is dissolved silently. The listeners run inside the host's transaction, so a
 * refusal undoes the host's change.
 */
@Component
class ChapterHosts {

    private final JdbcClient jdbc;

    ChapterHosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(OrganizationDatesChanged changed) {
        check("host_organization_id", changed.organizationId(), changed.name(), changed.since(), changed.closedOn());
    }

    @EventListener
    void on(ClanDatesChanged changed) {
        check("host_clan_id", changed.clanId(), changed.name(), changed.since(), changed.closedOn());
    }

    private void check(
            String column, long hostId, String hostName, @Nullable LocalDate since, @Nullable LocalDate closedOn) {
        Lifespan host = new Lifespan(since, closedOn);
        List<FieldProblem> problems = new ArrayList<>();
        for (Hosted chapter : jdbc.sql("select name, founded_on, dissolved_on from chapters where " + column + " = :id")
                .param("id", hostId)
                .query(Hosted.class)
                .list()) {
            Lifespan days = new Lifespan(chapter.foundedOn(), chapter.dissolvedOn());
            if (days.begunBefore(host)) {
                problems.add(new FieldProblem(
                        "since",
                        "“" + chapter.name() + "” được thành lập tại “" + hostName + "” ngày "
                                + Lifespan.day(days.start()) + ", trước ngày " + Lifespan.day(host.start()) + "."));
            }
            if (days.outlives(host)) {
                problems.add(new FieldProblem(
                        "closedOn",
                        "“" + hostName + "” còn “" + chapter.name() + "” "
                                + (days.end() == null
                                        ? "đang hoạt động"
                                        : "hoạt động đến ngày " + Lifespan.day(days.end()))
                                + ": hãy ghi giải thể chi hội, ban khuyến học (muộn nhất ngày "
                                + Lifespan.day(host.end()) + ") trước khi ghi ngừng hoạt động."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    record Hosted(
            String name,
            @Nullable LocalDate foundedOn,
            @Nullable LocalDate dissolvedOn) {}
}
