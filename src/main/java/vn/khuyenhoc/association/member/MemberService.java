package vn.khuyenhoc.association.member;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.association.ChapterService;
import vn.khuyenhoc.association.ChapterView;
import vn.khuyenhoc.audit.AuditEvent;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.shared.ExportFormat;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.RegistryWrites;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TableWriter;

/** Rosters of the chapters. Members are personal data: every list shown or exported is logged. */
@Service
public class MemberService {

    static final String ENTITY = "member";
    static final List<String> EXPORT_HEADERS = List.of(
            "Mã số",
            "Họ tên",
            "Giới tính",
            "Năm sinh",
            "Dân tộc",
            "Vai trò",
            "Chức vụ",
            "Ngày vào hội",
            "Ngày rời hội",
            "Chi hội, ban khuyến học",
            "Xã, phường");

    private final MemberRepository members;
    private final MemberQueries queries;
    private final ChapterService chapters;
    private final LocalityService localities;
    private final CitizenIds citizenIds;
    private final AuditTrail audit;
    private final RegistryWrites<Member, Member.Snapshot> writes;

    MemberService(
            MemberRepository members,
            MemberQueries queries,
            ChapterService chapters,
            LocalityService localities,
            CitizenIds citizenIds,
            AuditTrail audit) {
        this.members = members;
        this.queries = queries;
        this.chapters = chapters;
        this.localities = localities;
        this.citizenIds = citizenIds;
        this.audit = audit;
        this.writes = new RegistryWrites<>(
                ENTITY, members::findById, members::save, Member::id, Member::snapshot, audit::recordChange);
    }

    @Transactional(readOnly = true)
    public MemberView get(long id, SignedInUser user) {
        return queries.find(id, user.scopePath())
                .orElseThrow(() -> new NotFoundException("Không tìm thấy hội viên số " + id + "."));
    }

    /** Pages count at most this many memberships; past it they say "more than". */
    static final long PAGE_COUNT_LIMIT = 10_000;

    /**
     * One page of a roster, its total counted up to {@code countLimit}; the view of a personal list is written to the
     * audit trail.
     */
    @Transactional
    Paged<MemberView> search(MemberSearch search, SignedInUser user, PageQuery page, long countLimit) {
        String within = within(search, user);
        audit.recordAccess("VIEW_LIST", ENTITY, new Access(search, page.page()), within);
        return queries.search(search, user.scopePath(), within, page, countLimit);
    }

    @Transactional
    void export(MemberSearch search, SignedInUser user, ExportFormat format, OutputStream out) {
        String within = within(search, user);
        audit.recordAccess("EXPORT", ENTITY, new Access(search, -1), within);
        try (TableWriter writer = new TableWriter(format, out, "Hội viên", EXPORT_HEADERS)) {
            queries.each(
                    search,
                    user.scopePath(),
                    within,
                    m -> writer.row(Arrays.asList(
                            m.id(),
                            m.fullName(),
                            m.gender().label(),
                            m.birthYear(),
                            m.ethnicity(),
                            m.role().label(),
                            m.position(),
                            m.joinedOn(),
                            m.leftOn(),
                            m.chapterName(),
                            m.communeName())));
        }
    }

    record Access(MemberSearch filter, int page) {}

    /** A roster of one chapter is read within the chapter's own locality (404 outside the scope). */
    private String within(MemberSearch search, SignedInUser user) {
        if (search.chapter() != null) {
            return chapters.get(search.chapter(), user).localityPath();
        }
        return localities.subtreePath(search.locality(), user);
    }

    @Transactional
    MemberView create(MemberForm form, SignedInUser user) {
        user.requireWriter();
        ChapterView chapter = chapter(form.chapterId(), user);
        Member.Details details = details(form, chapter);
        Member.CitizenId citizenId = citizenIds.of(form.citizenId(), "citizenId");
        checkNotTwiceInChapter(chapter, citizenId, 0);
        long id = writes.add(
                "CREATE", Member.join(chapter.id(), chapter.localityId(), details, citizenId), chapter.localityPath());
        return get(id, user);
    }

    @Transactional
    MemberView update(long id, MemberForm form, SignedInUser user) {
        user.requireWriter();
        MemberView current = get(id, user);
        RegistryWrites.requireVersion(form.version());
        Member.CitizenId citizenId = citizenIds.of(form.citizenId(), "citizenId");
        ChapterView chapter = chapters.get(current.chapterId(), user);
        checkNotTwiceInChapter(chapter, citizenId, id);
        Member.Details details = details(form, chapter);
        writes.change(
                "UPDATE",
                id,
                form.version(),
                current.localityPath(),
                (member, v) -> member.edit(details, citizenId, v));
        return get(id, user);
    }

    @Transactional
    MemberView leave(long id, LocalDate on, int version, SignedInUser user) {
        user.requireWriter();
        MemberView current = get(id, user);
        writes.change("LEAVE", id, version, current.localityPath(), (member, v) -> member.leave(on, v));
        return get(id, user);
    }

    /** Records a learning-citizen status of a year by hand (imports record many at once). */
    @Transactional
    void recordStatus(long id, int year, boolean recognised, SignedInUser user) {
        user.requireWriter();
        MemberView current = get(id, user);
        ProgrammeYear.check(year, "year");
        String status = recognised ? "RECOGNISED" : "NOT_RECOGNISED";
        queries.saveStatus(id, year, status, user.username());
        audit.recordChange(
                "LEARNING_CITIZEN",
                ENTITY,
                id + "/" + year,
                null,
                new StatusChange(year, status),
                current.localityPath());
    }

    record StatusChange(int year, String status) {}

    /** What the member's page shows besides the record: other memberships, sessions, statuses and history. */
    record Profile(
            MemberView member,
            List<MemberView> otherMemberships,
            List<MemberQueries.Attended> attended,
            List<MemberQueries.Status> statuses,
            List<AuditEvent> history) {}

    @Transactional
    Profile profile(long id, SignedInUser user) {
        MemberView member = get(id, user);
        audit.recordAccess("VIEW", ENTITY, new Viewed(id), member.localityPath());
        return new Profile(
                member,
                queries.otherMemberships(member.personId(), id, user.scopePath()),
                queries.attended(id),
                queries.statuses(id),
                audit.history(ENTITY, historyIds(id)));
    }

    record Viewed(long memberId) {}

    @Transactional(readOnly = true)
    List<List<String>> chapterRows(SignedInUser user, @Nullable Long chapter) {
        return queries.chapterRows(user.scopePath(), chapter);
    }

    /** The member's own id and the ids of its yearly learning-citizen statuses ("17/2025"). */
    private static List<String> historyIds(long id) {
        List<String> ids = new java.util.ArrayList<>();
        ids.add(String.valueOf(id));
        ProgrammeYear.oldestFirst().forEach(year -> ids.add(id + "/" + year));
        return ids;
    }

    private ChapterView chapter(@Nullable Long chapterId, SignedInUser user) {
        if (chapterId == null) {
            throw new InvalidInputException("chapterId", "Hãy chọn chi hội, ban khuyến học.");
        }
        try {
            ChapterView chapter = chapters.get(chapterId, user);
            if (!chapter.active()) {
                throw new InvalidInputException(
                        "chapterId", "“" + chapter.name() + "” đã giải thể, không nhận thêm hội viên.");
            }
            return chapter;
        } catch (NotFoundException e) {
            throw new InvalidInputException(
                    "chapterId", "Không có chi hội, ban khuyến học số " + chapterId + " trong phạm vi của bạn.");
        }
    }

    private void checkNotTwiceInChapter(ChapterView chapter, Member.@Nullable CitizenId citizenId, long exceptId) {
        if (citizenId != null && queries.currentInChapter(chapter.id(), citizenId.key(), exceptId)) {
            throw new InvalidInputException(
                    "citizenId", "Người có số định danh này đã là hội viên của “" + chapter.name() + "”.");
        }
    }

    private static Member.Details details(MemberForm form, ChapterView chapter) {
        return Member.Details.of(
                form.fullName(),
                form.gender(),
                form.birthYear(),
                form.ethnicity(),
                form.role(),
                form.position(),
                form.joinedOn(),
                form.leftOn(),
                chapter.lifespan(),
                chapter.name());
    }
}
