package vn.khuyenhoc.association.policystudy;

import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.association.ChapterService;
import vn.khuyenhoc.association.ChapterView;
import vn.khuyenhoc.association.StudyPeriod;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.locality.LocalityLevel;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ExportFormat;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TableWriter;

/** Policy-study sessions and who attended them. */
@Service
class PolicyStudyService {

    static final String ENTITY = "policy-study";
    /** One request marks at most this many members: a province session is marked chapter by chapter. */
    static final int MAX_ATTENDANCE = 5_000;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PolicyStudyRepository studies;
    private final PolicyStudyQueries queries;
    private final PolicyDocuments documents;
    private final ChapterService chapters;
    private final LocalityService localities;
    private final AuditTrail audit;

    PolicyStudyService(
            PolicyStudyRepository studies,
            PolicyStudyQueries queries,
            PolicyDocuments documents,
            ChapterService chapters,
            LocalityService localities,
            AuditTrail audit) {
        this.studies = studies;
        this.queries = queries;
        this.documents = documents;
        this.chapters = chapters;
        this.localities = localities;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    PolicyStudyView get(long id, SignedInUser user) {
        return queries.find(id, user.scopePath())
                .orElseThrow(() -> new NotFoundException("Không tìm thấy buổi học tập, quán triệt số " + id + "."));
    }

    @Transactional(readOnly = true)
    Paged<PolicyStudyView> search(PolicyStudySearch search, SignedInUser user, PageQuery page) {
        String within = search.chapter() != null
                ? chapters.get(search.chapter(), user).localityPath()
                : localities.subtreePath(search.locality(), user);
        return queries.search(search, user.scopePath(), within, page);
    }

    @Transactional(readOnly = true)
    void export(PolicyStudySearch search, SignedInUser user, ExportFormat format, OutputStream out) {
        String within = search.chapter() != null
                ? chapters.get(search.chapter(), user).localityPath()
                : localities.subtreePath(search.locality(), user);
        try (TableWriter writer = new TableWriter(
                format,
                out,
                "Buổi học tập, quán triệt",
                List.of("Mã số", "Ngày", "Tên buổi học", "Cấp tổ chức", "Nơi tổ chức", "Văn bản", "Số người dự"))) {
            queries.each(
                    search,
                    user.scopePath(),
                    within,
                    s -> writer.row(Arrays.asList(
                            s.id(),
                            s.date(),
                            s.title(),
                            s.level().label(),
                            s.organiser(),
                            String.join(", ", s.documents()),
                            s.attendees())));
        }
    }

    @Transactional
    PolicyStudyView create(PolicyStudyForm form, SignedInUser user) {
        user.requireWriter();
        PolicyStudy.Organiser organiser = organiser(form, user);
        PolicyStudy.Details details = details(form);
        PolicyStudy study = studies.save(PolicyStudy.hold(organiser, details));
        audit.recordChange(
                "CREATE", ENTITY, String.valueOf(study.id()), null, study.snapshot(), organiser.localityPath());
        return get(study.id(), user);
    }

    @Transactional
    PolicyStudyView update(long id, PolicyStudyForm form, SignedInUser user) {
        user.requireWriter();
        PolicyStudyView current = get(id, user);
        if (form.version() == null) {
            throw new InvalidInputException("version", "Thiếu phiên bản (version) của bản ghi đang sửa.");
        }
        PolicyStudy.Details details = details(form);
        PolicyStudy study = studies.findById(id).orElseThrow();
        PolicyStudy.Snapshot before = study.snapshot();
        study.edit(details, form.version(), queries.attendeesAbsentOn(id, details.heldOn()));
        studies.save(study);
        audit.recordChange("UPDATE", ENTITY, String.valueOf(id), before, study.snapshot(), current.localityPath());
        return get(id, user);
    }

    /** What changed in an attendance list. */
    record AttendanceChange(List<Long> added, List<Long> removed) {}

    /** Why a member cannot be marked present at a session. */
    record Refusal(long memberId, boolean unknown, String message) {}

    /**
     * Makes the attendance of the session, or of one chapter of it ({@code limitTo}), exactly {@code memberIds}. Every
     * named member must be in the user's scope and the organiser's subtree, and a member on the day of the session;
     * otherwise nothing changes and each refusal names the member and the reason. A member named twice counts once.
     */
    @Transactional
    AttendanceChange recordAttendance(
            long id, @Nullable List<Long> memberIds, @Nullable Long limitTo, SignedInUser user) {
        user.requireWriter();
        PolicyStudyView study = get(id, user);
        Set<Long> wanted = new LinkedHashSet<>(memberIds == null ? List.of() : memberIds);
        wanted.remove(null);
        if (wanted.size() > MAX_ATTENDANCE) {
            throw new InvalidInputException(
                    "memberIds", "Mỗi lần ghi tối đa " + MAX_ATTENDANCE + " hội viên; hãy ghi theo từng chi hội.");
        }
        List<Refusal> refusals = refusals(study, wanted, limitTo, user);
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals.stream()
                    .map(r -> new FieldProblem("memberIds", r.message()))
                    .toList());
        }
        Set<Long> before = new HashSet<>(queries.attendees(id, limitTo));
        return apply(
                study,
                wanted.stream().filter(m -> !before.contains(m)).sorted().toList(),
                before.stream().filter(m -> !wanted.contains(m)).sorted().toList(),
                user);
    }

    /**
     * Marks members present and others absent, leaving everyone else as recorded (an attendance sheet lists some
     * members only). The caller has checked the present ones with {@link #refusals}.
     */
    @Transactional
    AttendanceChange markAttendance(long id, Set<Long> present, Set<Long> absent, SignedInUser user) {
        user.requireWriter();
        PolicyStudyView study = get(id, user);
        Set<Long> before = new HashSet<>(queries.attendees(id, null));
        return apply(
                study,
                present.stream().filter(m -> !before.contains(m)).sorted().toList(),
                absent.stream().filter(before::contains).sorted().toList(),
                user);
    }

    private AttendanceChange apply(PolicyStudyView study, List<Long> added, List<Long> removed, SignedInUser user) {
        if (!removed.isEmpty()) {
            queries.removeAttendance(study.id(), removed);
        }
        if (!added.isEmpty()) {
            queries.addAttendance(study.id(), added, user.username());
        }
        AttendanceChange change = new AttendanceChange(added, removed);
        if (!added.isEmpty() || !removed.isEmpty()) {
            audit.recordChange("ATTENDANCE", ENTITY, String.valueOf(study.id()), null, change, study.localityPath());
        }
        return change;
    }

    /** Members who cannot be marked present, each with the reason, in the order given. */
    List<Refusal> refusals(PolicyStudyView study, Set<Long> memberIds, @Nullable Long limitTo, SignedInUser user) {
        Long chapterOfSession = study.level() == StudyLevel.CHAPTER ? study.chapterId() : null;
        Map<Long, PolicyStudyQueries.Candidate> found = new HashMap<>();
        for (PolicyStudyQueries.Candidate c :
                queries.candidates(memberIds, study.localityPath(), chapterOfSession, user.scopePath())) {
            found.put(c.id(), c);
        }
        String day = study.date().format(DAY);
        List<Refusal> refusals = new ArrayList<>();
        for (Long memberId : memberIds) {
            PolicyStudyQueries.Candidate c = found.get(memberId);
            if (c == null) {
                refusals.add(
                        new Refusal(memberId, true, "Không có hội viên số " + memberId + " trong phạm vi của bạn."));
            } else if (!c.inOrganiser() || (limitTo != null && c.chapterId() != limitTo)) {
                refusals.add(new Refusal(
                        memberId,
                        false,
                        c.fullName() + " (số " + memberId + ") không thuộc "
                                + (limitTo != null ? "chi hội đang ghi" : study.organiser()) + "."));
            } else if (c.leftOn() != null && !c.leftOn().isAfter(study.date())) {
                refusals.add(new Refusal(
                        memberId,
                        false,
                        c.fullName() + " (số " + memberId + ") đã rời hội ngày "
                                + c.leftOn().format(DAY) + ", trước buổi học ngày " + day + "."));
            } else if (c.joinedOn() != null && c.joinedOn().isAfter(study.date())) {
                refusals.add(new Refusal(
                        memberId,
                        false,
                        c.fullName() + " (số " + memberId + ") vào hội ngày "
                                + c.joinedOn().format(DAY) + ", sau buổi học ngày " + day + "."));
            }
        }
        return refusals;
    }

    /** The chapters whose rosters a commune's or the province's session is marked from. */
    @Transactional(readOnly = true)
    List<PolicyStudyQueries.ChapterChoice> chapters(PolicyStudyView study, SignedInUser user) {
        return queries.chapters(study.localityPath(), user.scopePath());
    }

    record RosterAccess(long studyId, long chapterId) {}

    /** A chapter's roster for a session's attendance: a personal list, so the view is logged. */
    @Transactional
    List<PolicyStudyQueries.RosterRow> roster(PolicyStudyView study, ChapterView chapter, SignedInUser user) {
        audit.recordAccess("VIEW_LIST", "member", new RosterAccess(study.id(), chapter.id()), chapter.localityPath());
        return queries.roster(study.id(), chapter.id(), study.date(), user.scopePath());
    }

    /** Filter of a list of who studied, as the audit trail records it. */
    record StudyStatusAccess(String within, @Nullable Long chapter, String period, boolean onlyNotStudied, int page) {}

    /**
     * The members a policy-study figure counts, with what each studied in the period: a personal list, so every view
     * and export is logged.
     */
    @Transactional
    Paged<PolicyStudyQueries.StudyStatus> studyStatus(
            String within,
            @Nullable Long chapter,
            StudyPeriod period,
            boolean onlyNotStudied,
            SignedInUser user,
            PageQuery page) {
        audit.recordAccess(
                "VIEW_LIST",
                "member",
                new StudyStatusAccess(within, chapter, period.code(), onlyNotStudied, page.page()),
                within);
        return queries.studyStatus(within, user.scopePath(), chapter, period, onlyNotStudied, page);
    }

    @Transactional
    void exportStudyStatus(
            String within,
            @Nullable Long chapter,
            StudyPeriod period,
            boolean onlyNotStudied,
            SignedInUser user,
            ExportFormat format,
            OutputStream out) {
        audit.recordAccess(
                "EXPORT", "member", new StudyStatusAccess(within, chapter, period.code(), onlyNotStudied, -1), within);
        try (TableWriter writer = new TableWriter(
                format,
                out,
                onlyNotStudied ? "Chưa học tập, quán triệt" : "Học tập, quán triệt",
                List.of(
                        "Mã số",
                        "Họ tên",
                        "Vai trò",
                        "Chức vụ",
                        "Chi hội, ban khuyến học",
                        "Xã, phường",
                        "Văn bản đã học trong kỳ (" + period.label() + ")"))) {
            queries.eachStudyStatus(
                    within,
                    user.scopePath(),
                    chapter,
                    period,
                    onlyNotStudied,
                    m -> writer.row(Arrays.asList(
                            m.id(),
                            m.fullName(),
                            "OFFICER".equals(m.role()) ? "Cán bộ hội" : "Hội viên",
                            m.position(),
                            m.chapterName(),
                            m.communeName(),
                            m.documents())));
        }
    }

    /** The organiser of a new session: a chapter, or the association of a commune or of the province. */
    private PolicyStudy.Organiser organiser(PolicyStudyForm form, SignedInUser user) {
        if (form.chapterId() != null) {
            ChapterView chapter = chapters.find(form.chapterId(), user)
                    .orElseThrow(() -> new InvalidInputException(
                            "chapterId",
                            "Không có chi hội, ban khuyến học số " + form.chapterId() + " trong phạm vi của bạn."));
            return new PolicyStudy.Organiser(
                    StudyLevel.CHAPTER, chapter.id(), chapter.localityId(), chapter.localityPath(), chapter.name());
        }
        String code = form.localityCode() == null ? "" : form.localityCode().strip();
        if (code.isEmpty()) {
            throw new InvalidInputException(
                    "localityCode", "Hãy chọn nơi tổ chức: mã tỉnh, mã xã, phường, hoặc một chi hội.");
        }
        LocalityView locality = localities
                .find(code, user.scopePath())
                .filter(LocalityView::current)
                .orElseThrow(() -> new InvalidInputException(
                        "localityCode", "Không có tỉnh, xã, phường mã “" + code + "” trong phạm vi của bạn."));
        if (locality.level() == LocalityLevel.VILLAGE) {
            throw new InvalidInputException(
                    "localityCode",
                    "Buổi học ở thôn, tổ dân phố do chi hội tổ chức: hãy chọn chi hội thay cho mã thôn.");
        }
        StudyLevel level = locality.level() == LocalityLevel.PROVINCE ? StudyLevel.PROVINCE : StudyLevel.COMMUNE;
        return new PolicyStudy.Organiser(level, null, locality.id(), locality.path(), locality.name());
    }

    private PolicyStudy.Details details(PolicyStudyForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> codes = List.of();
        try {
            codes = documents.require(form.documents(), "documents");
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        try {
            PolicyStudy.Details details = PolicyStudy.Details.of(form.date(), form.title(), codes);
            if (problems.isEmpty()) {
                return details;
            }
        } catch (InvalidInputException e) {
            problems.addAll(0, e.problems());
        }
        throw new InvalidInputException(problems);
    }
}
