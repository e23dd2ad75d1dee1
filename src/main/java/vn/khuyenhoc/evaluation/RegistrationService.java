package vn.khuyenhoc.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.criteria.CriteriaService;
import vn.khuyenhoc.criteria.CriteriaSet;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.ExportFormat;
import vn.khuyenhoc.shared.FileType;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.RegistryFilter;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TableWriter;
import vn.khuyenhoc.shared.VietnameseText;

/** Registering subjects in a round, scoring them stage by stage with evidence, and returning them for revision. */
@Service
public class RegistrationService {

    static final String ENTITY = "registration";
    /** One request registers at most this many subjects: a village's households fit many times over. */
    static final int MAX_PER_REQUEST = 5_000;
    /** The registration grid shows a village's households; a locality with more is narrowed first. */
    static final int MAX_CANDIDATES = 2_000;

    static final long MAX_EVIDENCE_BYTES = 10L * 1024 * 1024;
    static final int MAX_EVIDENCE_FILES = 50;

    /** The answer of a scoring: where the registration now stands and why it failed, if it did. */
    public record AssessmentResult(
            long registrationId,
            AssessmentStage stage,
            @Nullable Integer total,
            vn.khuyenhoc.criteria.Outcome result,
            List<String> reasons,
            Stage registrationStage,
            boolean late) {}

    /** A scoring as entered. */
    public record AssessmentForm(
            @Nullable Map<String, Object> scores,
            @Nullable String comment,
            @Nullable Integer people,
            @Nullable Integer learningCitizens,
            @Nullable Integer version) {}

    private final RegistrationRepository registrations;
    private final RoundService rounds;
    private final Subjects subjects;
    private final CriteriaService criteria;
    private final LocalityService localities;
    private final AuditTrail audit;
    private final RecognitionSettings settings;
    private final AssessmentDrafts drafts;

    RegistrationService(
            RegistrationRepository registrations,
            RoundService rounds,
            Subjects subjects,
            CriteriaService criteria,
            LocalityService localities,
            AuditTrail audit,
            RecognitionSettings settings,
            AssessmentDrafts drafts) {
        this.settings = settings;
        this.drafts = drafts;
        this.localities = localities;
        this.registrations = registrations;
        this.rounds = rounds;
        this.subjects = subjects;
        this.criteria = criteria;
        this.audit = audit;
    }

    /** A registration opened on its page or through the API; a household's opening is in the audit trail. */
    @Transactional
    Registration open(long id, SignedInUser user) {
        Registration registration = get(id, user);
        if (rounds.get(registration.roundId(), user).level() == vn.khuyenhoc.criteria.TitleLevel.HOUSEHOLD) {
            audit.recordAccess("VIEW", ENTITY, Map.of("registration", id), registration.localityPath());
        }
        return registration;
    }

    @Transactional(readOnly = true)
    public Registration get(long id, SignedInUser user) {
        return registrations
                .find(id, user.scopePath())
                .orElseThrow(() -> new NotFoundException("Không tìm thấy hồ sơ đăng ký số " + id + "."));
    }

    /** Filters of a round's registration list as a page or a link carries them. */
    record RegistrationSearch(
            @Nullable Stage stage,
            @Nullable String q,
            @Nullable String locality,
            @Nullable Boolean overdue) {

        RegistrationSearch {
            q = RegistryFilter.searchText(q);
        }

        public boolean overdueOnly() {
            return Boolean.TRUE.equals(overdue);
        }
    }

    private record Access(long round, RegistrationSearch search, int page) {}

    /**
     * The registrations of a round in the scope. Households are personal data: every view and export of their list is
     * in the audit trail.
     */
    @Transactional
    Paged<Registration> search(Round round, RegistrationSearch search, SignedInUser user, PageQuery page) {
        String within = localities.subtreePath(search.locality(), user);
        if (round.level() == vn.khuyenhoc.criteria.TitleLevel.HOUSEHOLD) {
            audit.recordAccess("VIEW_LIST", ENTITY, new Access(round.id(), search, page.page()), within);
        }
        return registrations.search(
                round,
                new RegistrationRepository.Filter(search.stage(), search.q(), within, search.overdueOnly()),
                user.scopePath(),
                LocalDate.now(),
                page);
    }

    @Transactional
    void export(Round round, RegistrationSearch search, SignedInUser user, ExportFormat format, OutputStream out) {
        String within = localities.subtreePath(search.locality(), user);
        audit.recordAccess("EXPORT", ENTITY, new Access(round.id(), search, -1), within);
        try (TableWriter writer = new TableWriter(
                format,
                out,
                "Hồ sơ đăng ký",
                List.of(
                        "Mã hồ sơ",
                        "Mã đối tượng",
                        "Tên",
                        "Địa bàn",
                        "Bước",
                        "Kết quả",
                        "Đăng ký muộn",
                        "Lý do trả lại"))) {
            registrations.each(
                    round,
                    new RegistrationRepository.Filter(search.stage(), search.q(), within, search.overdueOnly()),
                    user.scopePath(),
                    LocalDate.now(),
                    r -> writer.row(java.util.Arrays.asList(
                            r.id(),
                            r.subjectId(),
                            r.subjectName(),
                            r.localityName(),
                            r.stage().label(),
                            r.result() == null ? null : r.result().label(),
                            r.late() ? "x" : null,
                            r.returnComment())));
        }
    }

    /** The subjects of a locality that may register, with those registered already marked. */
    @Transactional(readOnly = true)
    List<Subjects.Subject> candidates(Round round, @Nullable String locality, SignedInUser user) {
        return subjects.candidates(round, localities.subtreePath(locality, user), user.scopePath(), MAX_CANDIDATES);
    }

    /**
     * The subjects that may register and, for each one that may not, why (by subject id); {@code taken} are the
     * refused ones that exist but are registered or recognised already (a conflict with the records, not bad input).
     */
    record Checked(List<Subjects.Subject> found, Map<Long, String> refusals, Set<Long> taken) {}

    /**
     * Which of {@code wanted} may register in the round: each must be current, in the round's locality and the user's
     * scope, and neither registered for the title this year nor holding a recognition still valid.
     */
    @Transactional(readOnly = true)
    Checked check(Round round, Set<Long> wanted, SignedInUser user) {
        List<Subjects.Subject> found = subjects.find(round, wanted, user.scopePath());
        Map<Long, String> refusals = new java.util.LinkedHashMap<>();
        Set<Long> foundIds = found.stream().map(Subjects.Subject::id).collect(Collectors.toSet());
        wanted.stream()
                .filter(id -> !foundIds.contains(id))
                .forEach(id -> refusals.put(
                        id,
                        "Mã số " + id + " không phải "
                                + round.level().label().toLowerCase(java.util.Locale.ROOT) + " đang hoạt động thuộc "
                                + round.localityName() + " trong phạm vi của bạn."));
        found.stream()
                .filter(s -> s.registrationId() != null)
                .forEach(s -> refusals.put(
                        s.id(),
                        s.name() + " (" + s.localityName() + ") đã đăng ký "
                                + round.title().label() + " năm " + round.year() + "."));
        Map<Long, LocalDate> recognised = registrations.stillRecognised(round, foundIds);
        recognised.forEach((id, until) -> refusals.put(
                id,
                found.stream()
                                .filter(s -> s.id() == id)
                                .findFirst()
                                .map(Subjects.Subject::name)
                                .orElse("Mã số " + id)
                        + " đang được công nhận " + round.title().label() + " đến " + Dates.day(until)
                        + ": chưa cần đăng ký lại."));
        Set<Long> taken = new java.util.HashSet<>(recognised.keySet());
        found.stream().filter(s -> s.registrationId() != null).forEach(s -> taken.add(s.id()));
        return new Checked(found, refusals, taken);
    }

    /**
     * Registers subjects of the round's level, all or none (see {@link #check}). After the registration deadline only
     * an officer may add, and the registrations are marked late.
     */
    @Transactional
    public List<Registration> register(long roundId, @Nullable List<Long> subjectIds, SignedInUser user) {
        user.requireWriter();
        Round round = rounds.get(roundId, user);
        Set<Long> wanted = new LinkedHashSet<>(subjectIds == null ? List.of() : subjectIds);
        wanted.remove(null);
        if (wanted.isEmpty()) {
            throw new InvalidInputException("subjectIds", "Hãy chọn ít nhất một đối tượng để đăng ký.");
        }
        if (wanted.size() > MAX_PER_REQUEST) {
            throw new InvalidInputException(
                    "subjectIds",
                    "Mỗi lần đăng ký tối đa " + MAX_PER_REQUEST + " đối tượng; hãy đăng ký theo từng thôn.");
        }
        boolean late = round.checkDeadline(round.schedule().registration(), LocalDate.now(), user, "đăng ký");
        Checked checked = check(round, wanted, user);
        if (!checked.refusals().isEmpty()
                && checked.taken().containsAll(checked.refusals().keySet())) {
            // registered a moment ago, perhaps by someone else: the same answer as the unique key's
            throw new ConflictException(String.join(" ", checked.refusals().values()));
        }
        if (!checked.refusals().isEmpty()) {
            throw new InvalidInputException(checked.refusals().values().stream()
                    .map(message -> new FieldProblem("subjectIds", message))
                    .toList());
        }
        List<Subjects.Subject> found = checked.found();
        Map<Long, Long> ids = registrations.insertAll(round, found, late, user.getUsername());
        audit.recordChanges(
                late ? "REGISTER_LATE" : "CREATE",
                ENTITY,
                found.stream()
                        .map(s -> new AuditTrail.Change(
                                String.valueOf(ids.get(s.id())),
                                null,
                                Map.of("round", round.id(), "subject", s.id(), "name", s.name(), "late", late),
                                round.localityPath()))
                        .toList());
        return registrations.findAll(round.id(), List.copyOf(ids.values()), user.scopePath());
    }

    /** Takes back a registration made by mistake, before anything was scored. */
    @Transactional
    void unregister(long id, SignedInUser user) {
        user.requireWriter();
        Registration registration = get(id, user);
        if (!registration.removable()) {
            throw new ConflictException(
                    "Hồ sơ của " + registration.subjectName() + " đã qua bước đăng ký: không hủy được.");
        }
        registrations.delete(id);
        audit.recordChange("DELETE", ENTITY, String.valueOf(id), registration, null, registration.localityPath());
    }

    /**
     * Submits a self-assessment: the page's “Gửi tự đánh giá”, the API and the offline app's sync all come here. {@code
     * form.version()} is the registration's version the scores were typed against (409 if it changed meanwhile; null
     * skips the check); the scoring is checked, audited and saved as {@link #assess} does, and the user's draft of
     * it is deleted (another person's draft stays, now stale).
     */
    @Transactional
    AssessmentResult submitSelfAssessment(long id, AssessmentForm form, SignedInUser user) {
        return assess(id, AssessmentStage.SELF, form, user);
    }

    /**
     * Scores a stage. The scores are checked against the criteria set (range, kind, every item), self-assessment asks
     * for the evidence the set requires, and the decision rule gives the result: at appraisal a failed result rejects
     * the registration. Review and self-assessment are entered by the village or unit; appraisal by an officer holding
     * the round's locality.
     */
    @Transactional
    public AssessmentResult assess(long id, AssessmentStage stage, AssessmentForm form, SignedInUser user) {
        user.requireWriter();
        Registration registration = get(id, user);
        Round round = rounds.get(registration.roundId(), user);
        String refusal = refusal(stage, registration, round, user);
        if (refusal != null) {
            throw new AccessDeniedException(refusal);
        }
        if (form.version() != null && form.version() != registration.version()) {
            throw new ConflictException("Hồ sơ của " + registration.subjectName()
                    + " vừa được người khác thay đổi. Hãy tải lại trang để xem bản mới.");
        }
        boolean late = round.checkDeadline(
                round.due(stage), LocalDate.now(), user, stage.label().toLowerCase(java.util.Locale.ROOT));
        CriteriaSet set = criteria.get(round.criteriaSetId());
        CriteriaSet.Scoring scoring = set.score(form.scores() == null ? Map.of() : form.scores());
        if (stage == AssessmentStage.SELF) {
            Set<String> evidenced = registrations.evidence(id).stream()
                    .map(RegistrationRepository.EvidenceFile::itemCode)
                    .collect(Collectors.toSet());
            List<FieldProblem> missing = set.items().stream()
                    .filter(i -> i.evidenceRequired() && !evidenced.contains(i.code()))
                    .map(i -> new FieldProblem(
                            "evidence." + i.code(),
                            "Mục " + i.code() + " (" + i.name() + ") cần minh chứng: hãy tải lên tệp trước khi gửi."))
                    .toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException(missing);
            }
        }
        Registration next = registration.assessed(stage, scoring.result());
        if (stage == AssessmentStage.SELF) {
            next = next.counted(form.people() == null ? registration.people() : form.people(), form.learningCitizens());
        }
        String comment = VietnameseText.clean(form.comment());
        if (comment != null && comment.length() > 2000) {
            throw new InvalidInputException("comment", "Nhận xét dài quá 2.000 ký tự.");
        }
        registrations.update(next);
        RegistrationRepository.Assessment assessment = new RegistrationRepository.Assessment(
                stage,
                scoring.scores(),
                scoring.total(),
                scoring.result(),
                comment,
                user.getUsername(),
                java.time.OffsetDateTime.now());
        registrations.saveAssessment(id, stage, assessment);
        if (stage == AssessmentStage.SELF) {
            drafts.delete(id, user.getUsername());
        }
        audit.recordChange(
                (late ? "LATE_" : "") + "ASSESS_" + stage.name(),
                ENTITY,
                String.valueOf(id),
                Map.of("stage", registration.stage()),
                Map.of(
                        "stage",
                        next.stage(),
                        "scores",
                        scoring.scores(),
                        "result",
                        scoring.result(),
                        "comment",
                        comment == null ? "" : comment),
                registration.localityPath());
        return new AssessmentResult(
                id, stage, scoring.total(), scoring.result(), scoring.reasons(), next.stage(), late);
    }

    /**
     * Why the user may not record {@code stage} of the registration, or null when they may. Appraisal is by an officer
     * of the locality holding the round. With separation of duties on (the province's setting, on by default), review
     * is by a commune officer or an administrator, and whoever recorded the self-assessment records neither the
     * review nor the appraisal of the same registration. Checked here so that the pages and the API refuse alike.
     */
    @Nullable
    String refusal(AssessmentStage stage, Registration registration, Round round, SignedInUser user) {
        if (!user.canWrite()) {
            return "Tài khoản xem không được sửa dữ liệu.";
        }
        if (stage == AssessmentStage.APPRAISAL && (!user.canAppraise() || !round.heldBy(user))) {
            return "Thẩm định do cán bộ của " + round.localityName() + " thực hiện.";
        }
        if (stage == AssessmentStage.SELF || !settings.separationOfDuties()) {
            return null;
        }
        if (stage == AssessmentStage.REVIEW && !user.canAppraise()) {
            return "Bình xét do cán bộ xã ghi nhận (tách bạch nhiệm vụ theo thiết lập của tỉnh): người nhập liệu"
                    + " ghi đăng ký và tự đánh giá, không ghi bình xét.";
        }
        boolean selfAssessor = registrations.assessments(registration.id()).stream()
                .anyMatch(a ->
                        a.stage() == AssessmentStage.SELF && user.getUsername().equals(a.assessedBy()));
        if (selfAssessor) {
            return "Bạn đã ghi tự đánh giá của hồ sơ này nên không ghi "
                    + stage.label().toLowerCase(java.util.Locale.ROOT)
                    + " của nó (tách bạch nhiệm vụ theo thiết lập của tỉnh): việc này do một cán bộ khác thực hiện.";
        }
        return null;
    }

    /** Sends a registration back to self-assessment with the reason: by the reviewer, or by an appraising officer. */
    @Transactional
    Registration returnForRevision(long id, @Nullable String comment, SignedInUser user) {
        user.requireWriter();
        Registration registration = get(id, user);
        Round round = rounds.get(registration.roundId(), user);
        if (registration.stage() == Stage.REVIEWED && (!user.canAppraise() || !round.heldBy(user))) {
            throw new AccessDeniedException("Hồ sơ đã bình xét chỉ cán bộ thẩm định trả lại được.");
        }
        Registration next = registration.returned(VietnameseText.clean(comment));
        registrations.update(next);
        audit.recordChange(
                "RETURN",
                ENTITY,
                String.valueOf(id),
                Map.of("stage", registration.stage()),
                Map.of("stage", next.stage(), "comment", next.returnComment()),
                registration.localityPath());
        return get(id, user);
    }

    @Transactional(readOnly = true)
    List<RegistrationRepository.Assessment> assessments(long id, SignedInUser user) {
        get(id, user);
        return registrations.assessments(id);
    }

    @Transactional(readOnly = true)
    List<RegistrationRepository.EvidenceFile> evidence(long id, SignedInUser user) {
        get(id, user);
        return registrations.evidence(id);
    }

    /**
     * Adds an evidence file for an item: a PDF, JPEG or PNG (recognised by its first bytes, not its name) up to 10 MB,
     * while the registration is before appraisal.
     */
    @Transactional
    public long addEvidence(long id, @Nullable String itemCode, @Nullable MultipartFile file, SignedInUser user)
            throws IOException {
        user.requireWriter();
        Registration registration = get(id, user);
        Round round = rounds.get(registration.roundId(), user);
        if (!registration.takesEvidence()) {
            throw new ConflictException("Hồ sơ đã thẩm định: không thêm minh chứng được nữa.");
        }
        if (!registration.takesEvidenceFrom(user)) {
            throw new ConflictException("Hồ sơ đã gửi tự đánh giá: minh chứng được giữ nguyên để bình xét; nếu cần"
                    + " bổ sung, cán bộ xã trả lại hồ sơ.");
        }
        String item = VietnameseText.cleanOrEmpty(itemCode);
        if (item.isEmpty()) {
            throw new InvalidInputException("itemCode", "Hãy chọn mục của bộ tiêu chí mà minh chứng này chứng minh.");
        }
        if (criteria.get(round.criteriaSetId()).items().stream()
                .noneMatch(i -> i.code().equals(item))) {
            throw new InvalidInputException("itemCode", "Bộ tiêu chí của đợt không có mục “" + item + "”.");
        }
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "Hãy chọn tệp minh chứng (PDF, JPEG hoặc PNG).");
        }
        if (file.getSize() > MAX_EVIDENCE_BYTES) {
            throw new InvalidInputException(
                    "file", "Tệp minh chứng lớn quá 10 MB; hãy chụp hoặc quét với độ phân giải thấp hơn.");
        }
        if (registrations.evidence(id).size() >= MAX_EVIDENCE_FILES) {
            throw new InvalidInputException("file", "Mỗi hồ sơ tối đa " + MAX_EVIDENCE_FILES + " tệp minh chứng.");
        }
        byte[] content = file.getBytes();
        String type = FileType.of(content);
        if (type == null) {
            throw new InvalidInputException(
                    "file",
                    "Tệp “" + file.getOriginalFilename()
                            + "” không phải PDF, JPEG hay PNG. Minh chứng chỉ nhận ba loại tệp này.");
        }
        String name = VietnameseText.cleanOrEmpty(file.getOriginalFilename());
        name = name.isEmpty() ? "minh-chung" : name.substring(Math.max(0, name.length() - 200));
        long fileId = registrations.addEvidence(id, item, name, type, content, user.getUsername());
        audit.recordChange(
                "ADD_EVIDENCE",
                ENTITY,
                String.valueOf(id),
                null,
                Map.of("file", fileId, "item", item, "name", name, "bytes", content.length),
                registration.localityPath());
        return fileId;
    }

    @Transactional(readOnly = true)
    RegistrationRepository.EvidenceContent evidenceContent(long id, long fileId, SignedInUser user) {
        get(id, user);
        return registrations
                .evidenceContent(id, fileId)
                .orElseThrow(() -> new NotFoundException("Không tìm thấy tệp minh chứng."));
    }

    @Transactional
    void deleteEvidence(long id, long fileId, SignedInUser user) {
        user.requireWriter();
        Registration registration = get(id, user);
        if (!registration.takesEvidence()) {
            throw new ConflictException("Hồ sơ đã thẩm định: không xóa minh chứng được nữa.");
        }
        if (!registration.takesEvidenceFrom(user)) {
            throw new ConflictException("Hồ sơ đã gửi tự đánh giá: minh chứng được giữ nguyên để bình xét; nếu cần"
                    + " sửa, cán bộ xã trả lại hồ sơ.");
        }
        if (registrations.deleteEvidence(id, fileId) == 0) {
            throw new NotFoundException("Không tìm thấy tệp minh chứng.");
        }
        audit.recordChange(
                "DELETE_EVIDENCE",
                ENTITY,
                String.valueOf(id),
                Map.of("file", fileId),
                null,
                registration.localityPath());
    }
}
