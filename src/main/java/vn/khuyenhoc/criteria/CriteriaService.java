package vn.khuyenhoc.criteria;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.SignedInUser;

/** Criteria sets: read by everyone signed in; drafted, issued, retired, cloned and imported by a province administrator. */
@Service
public class CriteriaService {

    static final String ENTITY = "criteria-set";

    /** A set as a file: everything but its identity and status, which the importing database gives it. */
    record CriteriaSetFile(
            Title title,
            TitleLevel level,
            String name,
            String legalBasis,
            @Nullable LocalDate legalBasisDate,
            @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo,
            @Nullable String note,
            CriteriaSet.Rule rule,
            int validityYears,
            List<CriteriaSet.Criterion> criteria) {}

    private final CriteriaSetRepository sets;
    private final AuditTrail audit;
    private final JsonMapper json;

    CriteriaService(CriteriaSetRepository sets, AuditTrail audit, JsonMapper json) {
        this.sets = sets;
        this.audit = audit;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public List<CriteriaSet> all() {
        return sets.findAll();
    }

    @Transactional(readOnly = true)
    public CriteriaSet get(long id) {
        return sets.findById(id).orElseThrow(() -> new NotFoundException("Không tìm thấy bộ tiêu chí số " + id + "."));
    }

    /** The sets in force for a title and level in a year, newest edition first. */
    @Transactional(readOnly = true)
    public List<CriteriaSet> inForce(Title title, TitleLevel level, int year) {
        return sets.findAll().stream()
                .filter(s -> s.status() == CriteriaStatus.IN_FORCE
                        && s.title() == title
                        && s.level() == level
                        && s.validIn(year))
                .toList();
    }

    @Transactional
    CriteriaSet revise(long id, CriteriaSet content, int lockVersion, SignedInUser user) {
        user.requireProvinceAdministrator();
        CriteriaSet before = get(id);
        CriteriaSet saved = sets.update(before.revise(content, lockVersion));
        audit.recordChange("UPDATE", ENTITY, String.valueOf(id), before, saved, null);
        return saved;
    }

    @Transactional
    CriteriaSet publish(long id, SignedInUser user) {
        user.requireProvinceAdministrator();
        CriteriaSet before = get(id);
        CriteriaSet saved = sets.update(before.publish());
        audit.recordChange("PUBLISH", ENTITY, String.valueOf(id), before.status(), saved.status(), null);
        return saved;
    }

    @Transactional
    CriteriaSet retire(long id, SignedInUser user) {
        user.requireProvinceAdministrator();
        CriteriaSet before = get(id);
        CriteriaSet saved = sets.update(before.retire());
        audit.recordChange("RETIRE", ENTITY, String.valueOf(id), before.status(), saved.status(), null);
        return saved;
    }

    /** A new draft edition with the content of set {@code id}. */
    @Transactional
    CriteriaSet cloneAsDraft(long id, SignedInUser user) {
        user.requireProvinceAdministrator();
        CriteriaSet source = get(id);
        CriteriaSet saved = sets.insert(source.cloneAs(sets.nextEdition(source.title(), source.level())));
        audit.recordChange("CLONE", ENTITY, String.valueOf(saved.id()), null, saved, null);
        return saved;
    }

    String export(long id) {
        CriteriaSet s = get(id);
        return json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(new CriteriaSetFile(
                        s.title(),
                        s.level(),
                        s.name(),
                        s.legalBasis(),
                        s.legalBasisDate(),
                        s.validFrom(),
                        s.validTo(),
                        s.note(),
                        s.rule(),
                        s.validityYears(),
                        s.criteria()));
    }

    /** Reads a set exported here or written by hand; it becomes the next draft edition of its title and level. */
    @Transactional
    CriteriaSet importFile(byte[] content, SignedInUser user) {
        user.requireProvinceAdministrator();
        CriteriaSetFile file;
        try {
            file = json.readValue(content, CriteriaSetFile.class);
        } catch (JacksonException e) {
            throw new InvalidInputException(
                    "file", "Tệp không phải bộ tiêu chí dạng JSON hợp lệ: " + firstLine(e.getOriginalMessage()));
        }
        if (file == null
                || file.title() == null
                || file.level() == null
                || file.rule() == null
                || file.criteria() == null) {
            throw new InvalidInputException(
                    "file", "Tệp thiếu danh hiệu (title), cấp (level), quy tắc (rule) hoặc tiêu chí (criteria).");
        }
        CriteriaSet draft = new CriteriaSet(
                null,
                file.title(),
                file.level(),
                clean(file.name()),
                clean(file.legalBasis()),
                file.legalBasisDate(),
                sets.nextEdition(file.title(), file.level()),
                file.validFrom() == null ? LocalDate.of(LocalDate.now().getYear(), 1, 1) : file.validFrom(),
                file.validTo(),
                CriteriaStatus.DRAFT,
                file.note(),
                file.rule(),
                file.validityYears(),
                cleanCriteria(file.criteria()),
                null,
                0);
        draft.check();
        CriteriaSet saved = sets.insert(draft);
        audit.recordChange("IMPORT", ENTITY, String.valueOf(saved.id()), null, saved, null);
        return saved;
    }

    static List<CriteriaSet.Criterion> cleanCriteria(List<CriteriaSet.Criterion> criteria) {
        return criteria.stream()
                .map(c -> new CriteriaSet.Criterion(
                        clean(c.code()),
                        clean(c.name()),
                        c.minPoints(),
                        c.items() == null
                                ? List.of()
                                : c.items().stream()
                                        .map(i -> new CriteriaSet.Item(
                                                clean(i.code()),
                                                clean(i.name()),
                                                i.kind() == null ? CriteriaSet.ItemKind.PASS_FAIL : i.kind(),
                                                i.maxPoints(),
                                                i.evidenceRequired(),
                                                i.levelTwoOnly()))
                                        .toList()))
                .toList();
    }

    static String clean(@Nullable String text) {
        return vn.khuyenhoc.shared.VietnameseText.cleanOrEmpty(text);
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
