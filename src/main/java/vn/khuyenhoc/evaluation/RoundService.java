package vn.khuyenhoc.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.criteria.CriteriaService;
import vn.khuyenhoc.criteria.CriteriaSet;
import vn.khuyenhoc.criteria.CriteriaStatus;
import vn.khuyenhoc.criteria.Title;
import vn.khuyenhoc.criteria.TitleLevel;
import vn.khuyenhoc.locality.LocalityLevel;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.SignedInUser;

/** Opening rounds, finding them, and moving their deadlines. */
@Service
class RoundService {

    static final String ENTITY = "round";

    /** What opens a round; everything but the title may be left out. */
    record RoundForm(
            @Nullable Title title,
            @Nullable TitleLevel level,
            @Nullable Integer year,
            @Nullable String localityCode,
            @Nullable Long criteriaSetId,
            @Nullable LocalDate registrationDue,
            @Nullable LocalDate selfAssessmentDue,
            @Nullable LocalDate reviewDue,
            @Nullable LocalDate decisionDue) {}

    private final RoundRepository rounds;
    private final CriteriaService criteria;
    private final LocalityService localities;
    private final AuditTrail audit;

    RoundService(RoundRepository rounds, CriteriaService criteria, LocalityService localities, AuditTrail audit) {
        this.rounds = rounds;
        this.criteria = criteria;
        this.localities = localities;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    Round get(long id, SignedInUser user) {
        return rounds.find(id, user.scopePath())
                .orElseThrow(() -> new NotFoundException("Không tìm thấy đợt đánh giá số " + id + "."));
    }

    @Transactional(readOnly = true)
    Paged<Round> search(
            @Nullable Title title,
            @Nullable Integer year,
            @Nullable String locality,
            SignedInUser user,
            PageQuery page) {
        if (year != null) {
            ProgrammeYear.check(year, "year");
        }
        return rounds.search(title, year, localities.subtreePath(locality, user), user.scopePath(), page);
    }

    /** The path of a locality filter in the user's scope (the whole scope when blank). */
    String within(@Nullable String locality, SignedInUser user) {
        return localities.subtreePath(locality, user);
    }

    /**
     * Opens a round. The level defaults to the title's usual one; the year to this year; the locality to the user's
     * commune (the province for communes and province-managed units); the criteria set to the newest in force that
     * year; the deadlines to the usual calendar.
     */
    @Transactional
    Round open(RoundForm form, SignedInUser user) {
        if (!user.canAppraise()) {
            throw new AccessDeniedException("Chỉ cán bộ xã hoặc tỉnh mở được đợt đánh giá.");
        }
        if (form.title() == null) {
            throw new InvalidInputException("title", "Hãy chọn danh hiệu.");
        }
        Title title = form.title();
        TitleLevel level = form.level() == null ? title.defaultLevel() : form.level();
        if (!title.has(level)) {
            throw new InvalidInputException(
                    "level", "Danh hiệu " + title.label() + " không xét ở cấp “" + level.label() + "”.");
        }
        int year = form.year() == null ? LocalDate.now().getYear() : form.year();
        if (year < ProgrammeYear.FIRST || year > LocalDate.now().getYear() + 1) {
            throw new InvalidInputException(
                    "year",
                    "Năm đánh giá từ " + ProgrammeYear.FIRST + " đến "
                            + (LocalDate.now().getYear() + 1) + ".");
        }
        LocalityView locality = place(level, form.localityCode(), user);
        CriteriaSet set = criteriaSet(title, level, year, form.criteriaSetId());
        if (rounds.existing(title, level, year, locality.id()).isPresent()) {
            throw new ConflictException("Đã có đợt " + title.label() + " (" + level.label() + ") năm " + year + " của "
                    + locality.name() + ".");
        }
        Round.Schedule schedule = Round.Schedule.usual(level, year, LocalDate.now())
                .with(form.registrationDue(), form.selfAssessmentDue(), form.reviewDue(), form.decisionDue());
        long id = rounds.insert(
                title, level, year, locality.id(), set.id(), rounds.authority(title, level, year), schedule);
        Round round = get(id, user);
        audit.recordChange("CREATE", ENTITY, String.valueOf(id), null, round, round.localityPath());
        return round;
    }

    @Transactional
    Round reschedule(long id, Round.Schedule wanted, int version, SignedInUser user) {
        Round round = get(id, user);
        if (!user.canAppraise() || !round.heldBy(user)) {
            throw new AccessDeniedException("Chỉ cán bộ của " + round.localityName() + " đổi được hạn của đợt.");
        }
        Round.Schedule schedule = round.schedule()
                .with(wanted.registration(), wanted.selfAssessment(), wanted.review(), wanted.decision());
        rounds.reschedule(id, schedule, version);
        audit.recordChange("RESCHEDULE", ENTITY, String.valueOf(id), round.schedule(), schedule, round.localityPath());
        return get(id, user);
    }

    List<RoundRepository.AuthorityRow> authorities() {
        return rounds.authorities();
    }

    /**
     * Sets who recognises a title and level from a year on (since the 2025 reform this changes by decision). Rounds
     * already opened keep the authority they were opened with.
     */
    @Transactional
    void setAuthority(RoundRepository.AuthorityRow row, SignedInUser user) {
        user.requireProvinceAdministrator();
        if (!row.title().has(row.level())) {
            throw new InvalidInputException(
                    "level",
                    "Danh hiệu " + row.title().label() + " không xét ở cấp “"
                            + row.level().label() + "”.");
        }
        if (row.fromYear() < ProgrammeYear.FIRST
                || row.fromYear() > LocalDate.now().getYear() + 5) {
            throw new InvalidInputException(
                    "fromYear",
                    "Năm áp dụng từ " + ProgrammeYear.FIRST + " đến "
                            + (LocalDate.now().getYear() + 5) + ".");
        }
        RoundRepository.AuthorityRow before = rounds.authorities().stream()
                .filter(a -> a.title() == row.title() && a.level() == row.level() && a.fromYear() == row.fromYear())
                .findFirst()
                .orElse(null);
        rounds.setAuthority(row);
        audit.recordChange(
                "SET_AUTHORITY",
                "recognising-authority",
                row.title() + "/" + row.level() + "/" + row.fromYear(),
                before,
                row,
                null);
    }

    /** A round of communes or of province-managed units belongs to the province; the others to a commune. */
    private LocalityView place(TitleLevel level, @Nullable String code, SignedInUser user) {
        boolean provinceWide = level == TitleLevel.COMMUNE || level == TitleLevel.PROVINCE_MANAGED;
        String chosen = code == null || code.isBlank() ? user.scopeCode() : code.trim();
        LocalityView locality = localities
                .find(chosen, user.scopePath())
                .filter(LocalityView::current)
                .orElseThrow(() -> new InvalidInputException(
                        "localityCode", "Không có địa bàn mã “" + chosen + "” trong phạm vi của bạn."));
        LocalityLevel wanted = provinceWide ? LocalityLevel.PROVINCE : LocalityLevel.COMMUNE;
        if (locality.level() != wanted) {
            throw new InvalidInputException(
                    "localityCode",
                    provinceWide
                            ? "Đợt xét " + level.label().toLowerCase(java.util.Locale.ROOT)
                                    + " do tỉnh tổ chức: chọn mã tỉnh."
                            : "Đợt đánh giá tổ chức theo xã, phường: hãy chọn một xã, phường.");
        }
        return locality;
    }

    private CriteriaSet criteriaSet(Title title, TitleLevel level, int year, @Nullable Long id) {
        if (id == null) {
            List<CriteriaSet> inForce = criteria.inForce(title, level, year);
            if (inForce.isEmpty()) {
                throw new InvalidInputException(
                        "criteriaSetId",
                        "Chưa có bộ tiêu chí " + title.label() + " (" + level.label() + ") đang áp dụng cho năm " + year
                                + ". Quản trị tỉnh cần ban hành trước.");
            }
            return inForce.get(0);
        }
        CriteriaSet set = criteria.get(id);
        if (set.title() != title || set.level() != level) {
            throw new InvalidInputException(
                    "criteriaSetId",
                    "Bộ tiêu chí số " + id + " dành cho " + set.title().label() + " ("
                            + set.level().label() + "), không phải đợt này.");
        }
        if (set.status() != CriteriaStatus.IN_FORCE || !set.validIn(year)) {
            throw new InvalidInputException(
                    "criteriaSetId",
                    "Bộ tiêu chí “" + set.name() + "” không đang áp dụng cho năm " + year + " ("
                            + set.status().label().toLowerCase(java.util.Locale.ROOT) + ").");
        }
        return set;
    }
}
