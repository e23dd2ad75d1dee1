package vn.khuyenhoc.association;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.locality.LocalitiesMerged;
import vn.khuyenhoc.shared.InvalidInputException;

/**
 * Chapters follow their village when it is merged or retired (in the same transaction). Every chapter still active on
 * the day that is placed in a retired village (hosted by it, or by an organization or clan there) moves to the
 * successor, keeping its earlier host and place in {@code chapter_placements}, and its memberships follow. When
 * several of the villages host a chapter the officer's choice decides, never this class: the chosen village's chapter
 * continues, the others are dissolved on the day or become its branches. Without a choice, or without a successor
 * while a chapter is active, the whole change is refused.
 */
@Component
class ChapterRelocation {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ChapterRelocation(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    private record Active(
            long id,
            String name,
            String hostType,
            @Nullable Long hostVillageId,
            @Nullable String villageName,
            long localityId,
            String localityPath,
            @Nullable Long branchOf) {}

    /** The audit's view of a chapter's place: its host village (if any), place, branch and end. */
    record Place(
            @Nullable Long hostVillageId,
            long localityId,
            @Nullable Long branchOf,
            @Nullable LocalDate dissolvedOn) {}

    @EventListener
    void on(LocalitiesMerged merged) {
        LocalDate on = merged.on();
        List<Active> active = jdbc.sql("""
                        select ch.id, ch.name, ch.host_type, ch.host_village_id, v.name as village_name,
                               ch.locality_id, ch.locality_path::text as locality_path, ch.branch_of
                        from chapters ch left join localities v on v.id = ch.host_village_id
                        where ch.locality_id = any(:villages) and (ch.dissolved_on is null or ch.dissolved_on > :on)
                        order by ch.id
                        for update of ch
                        """)
                .param("villages", merged.retiredIds().toArray(Long[]::new))
                .param("on", on)
                .query(Active.class)
                .list();
        if (active.isEmpty()) {
            return;
        }
        Long successor = merged.successorId();
        if (successor == null) {
            throw new InvalidInputException(
                    "recordsTo",
                    "Thôn còn " + active.size() + " chi hội, ban khuyến học đang hoạt động (" + names(active)
                            + "): hãy chọn thôn, tổ dân phố nhận, hoặc giải thể chi hội trước.");
        }
        List<Active> villageChapters = active.stream()
                .filter(c -> c.hostVillageId() != null && c.branchOf() == null)
                .toList();
        List<Active> moving = new ArrayList<>(active);
        List<AuditTrail.Change> changes = new ArrayList<>();
        Active continuing = null;
        boolean heirHasChapter = hostsChapter(successor, on);
        if (heirHasChapter && !villageChapters.isEmpty()) {
            throw new InvalidInputException(
                    "recordsTo",
                    "Thôn nhận đã có chi hội khuyến học: hãy giải thể " + names(villageChapters)
                            + " trước, hoặc sáp nhập các thôn thành một thôn mới để chọn chi hội tiếp tục.");
        }
        if (villageChapters.size() > 1) {
            Long chosen = merged.chapterContinuesFrom();
            if (chosen == null) {
                throw new InvalidInputException(
                        "chapterContinuesFrom",
                        "Các thôn sáp nhập đều có chi hội (" + names(villageChapters)
                                + "): hãy chọn chi hội tiếp tục hoạt động ở thôn mới, và giữ các chi hội còn lại"
                                + " làm chi hội thành viên hoặc để chúng giải thể từ ngày sáp nhập.");
            }
            continuing = villageChapters.stream()
                    .filter(c -> chosen.equals(c.hostVillageId()))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException(
                            "chapterContinuesFrom",
                            "Thôn được chọn không có chi hội khuyến học: hãy chọn một trong các thôn có chi hội ("
                                    + names(villageChapters) + ")."));
            for (Active other : villageChapters) {
                if (other.id() == continuing.id()) {
                    continue;
                }
                if (merged.chapterBranches()) {
                    jdbc.sql("update chapters set branch_of = :main where id = :id")
                            .param("main", continuing.id())
                            .param("id", other.id())
                            .update();
                } else {
                    jdbc.sql("""
                                    update chapters set dissolved_on = :on, version = version + 1, updated_at = now()
                                    where id = :id
                                    """).param("on", on).param("id", other.id()).update();
                    moving.remove(other);
                    changes.add(change(
                            other, before(other), new Place(other.hostVillageId(), other.localityId(), null, on)));
                }
            }
        }
        for (Active chapter : moving) {
            jdbc.sql("""
                            insert into chapter_placements (chapter_id, host_village_id, locality_id, locality_path, until)
                            values (:id, :village, :locality, cast(:path as ltree), :on)
                            """)
                    .param("id", chapter.id())
                    .param("village", chapter.hostVillageId())
                    .param("locality", chapter.localityId())
                    .param("path", chapter.localityPath())
                    .param("on", on)
                    .update();
            jdbc.sql("""
                            update chapters set locality_id = :to,
                                   host_village_id = case when host_type = 'VILLAGE' then :to end,
                                   version = version + 1, updated_at = now()
                            where id = :id
                            """).param("to", successor).param("id", chapter.id()).update();
            jdbc.sql("""
                            update members set locality_id = :to, updated_at = now()
                            where chapter_id = :id and locality_id = any(:villages)
                            """)
                    .param("to", successor)
                    .param("id", chapter.id())
                    .param("villages", merged.retiredIds().toArray(Long[]::new))
                    .update();
            @Nullable Long branchOf = chapter.branchOf();
            if (continuing != null && chapter.id() != continuing.id() && chapter.hostVillageId() != null) {
                branchOf = continuing.id();
            }
            changes.add(change(
                    chapter,
                    before(chapter),
                    new Place(chapter.hostVillageId() == null ? null : successor, successor, branchOf, null)));
        }
        audit.recordChanges("MOVE", "chapter", changes);
    }

    private boolean hostsChapter(long village, LocalDate on) {
        return jdbc.sql("""
                        select exists (select 1 from chapters where host_village_id = :village and branch_of is null
                                       and (dissolved_on is null or dissolved_on > :on))
                        """)
                .param("village", village)
                .param("on", on)
                .query(Boolean.class)
                .single();
    }

    private static Place before(Active chapter) {
        return new Place(chapter.hostVillageId(), chapter.localityId(), chapter.branchOf(), null);
    }

    private static AuditTrail.Change change(Active chapter, Place before, Place after) {
        return new AuditTrail.Change(String.valueOf(chapter.id()), before, after, chapter.localityPath());
    }

    private static String names(List<Active> chapters) {
        return String.join(
                ", ",
                chapters.stream()
                        .map(c -> c.villageName() == null ? c.name() : c.name() + " — " + c.villageName())
                        .toList());
    }
}
