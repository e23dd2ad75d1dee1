package vn.khuyenhoc.locality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.Lifespan;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.RegistryFilter;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/** The map as other modules and the web see it: reads within a scope, and the life of villages. */
@Service
public class LocalityService {

    private static final String ENTITY = "locality";

    private final LocalityRepository localities;
    private final LocalityQueries queries;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    LocalityService(
            LocalityRepository localities,
            LocalityQueries queries,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.localities = localities;
        this.queries = queries;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<LocalityView> find(String code, String scopePath) {
        return queries.find(code, scopePath);
    }

    /** The locality if it lies in the user's scope; otherwise 404, whether it exists or not. */
    @Transactional(readOnly = true)
    public LocalityView get(String code, SignedInUser user) {
        return find(code, user.scopePath())
                .orElseThrow(() -> new NotFoundException("Không tìm thấy địa bàn mã “" + code + "”."));
    }

    @Transactional(readOnly = true)
    public Paged<LocalityView> children(String parentCode, SignedInUser user, boolean includeRetired, PageQuery page) {
        return queries.children(get(parentCode, user).id(), user.scopePath(), includeRetired, page);
    }

    @Transactional(readOnly = true)
    public Paged<LocalityView> search(String text, SignedInUser user, PageQuery page) {
        RegistryFilter.searchText(text);
        return queries.search(text, user.scopePath(), page);
    }

    /**
     * The map as of {@code date}: the localities in force that day whose name (without diacritics) or code matches,
     * each with the codes of its successors; before 1/7/2025 the former map as far as the user sees it.
     */
    @Transactional(readOnly = true)
    public Paged<DatedLocality> searchOn(
            @Nullable String text, LocalDate date, @Nullable String parent, SignedInUser user, PageQuery page) {
        RegistryFilter.searchText(text);
        String parentCode = VietnameseText.cleanOrEmpty(parent);
        Paged<LocalityView> found = queries.searchOn(
                VietnameseText.cleanOrEmpty(text),
                date,
                parentCode.isEmpty() ? null : parentCode,
                user.scopePath(),
                page);
        Map<Long, List<String>> successors = queries.successorCodes(
                found.items().stream().map(LocalityView::id).toList());
        return new Paged<>(
                found.items().stream()
                        .map(l -> DatedLocality.of(l, successors.getOrDefault(l.id(), List.of())))
                        .toList(),
                found.total(),
                found.page(),
                found.size());
    }

    /** What a form's locality picker proposes for the typed text: ten current localities of the user's scope. */
    @Transactional(readOnly = true)
    public List<LocalityView> suggest(String text, SignedInUser user, boolean villagesOnly) {
        return VietnameseText.cleanOrEmpty(text).isEmpty()
                ? List.of()
                : queries.suggest(text, user.scopePath(), villagesOnly, 10);
    }

    @Transactional(readOnly = true)
    public List<LocalityView> ancestors(LocalityView locality, SignedInUser user) {
        return queries.ancestors(locality, user.scopePath());
    }

    @Transactional(readOnly = true)
    public History history(LocalityView locality, SignedInUser user) {
        return new History(
                queries.predecessors(locality.id(), user.scopePath()),
                queries.successors(locality.id(), user.scopePath()));
    }

    /**
     * The current commune or village a registry record is placed in, from its code; any other answer is an error of
     * the field {@code localityCode}, whether the code is unknown, outside the scope, the province or retired.
     */
    @Transactional(readOnly = true)
    public LocalityView placeOf(@Nullable String code, SignedInUser user) {
        String cleaned = VietnameseText.cleanOrEmpty(code);
        if (cleaned.isEmpty()) {
            throw new InvalidInputException("localityCode", "Hãy nhập mã xã, phường hoặc thôn, tổ dân phố.");
        }
        LocalityView locality = find(cleaned, user.scopePath())
                .orElseThrow(() -> new InvalidInputException(
                        "localityCode", "Không có địa bàn mã “" + cleaned + "” trong phạm vi của bạn."));
        if (locality.level() == LocalityLevel.PROVINCE || !locality.current()) {
            throw new InvalidInputException(
                    "localityCode", "Địa bàn phải là một xã, phường hoặc thôn, tổ dân phố đang hoạt động.");
        }
        return locality;
    }

    /** The path of a list's locality filter (that locality and all below it), or the whole scope when blank. */
    @Transactional(readOnly = true)
    public String subtreePath(@Nullable String code, SignedInUser user) {
        String cleaned = VietnameseText.cleanOrEmpty(code);
        return cleaned.isEmpty() ? user.scopePath() : get(cleaned, user).path();
    }

    /** Every current commune and village in the user's scope by code, for imports that name thousands of rows. */
    @Transactional(readOnly = true)
    public Map<String, LocalityView> currentByCode(SignedInUser user) {
        Map<String, LocalityView> byCode = new java.util.HashMap<>();
        queries.current(user.scopePath()).forEach(locality -> byCode.put(locality.code(), locality));
        return byCode;
    }

    /** Code, name and parent of every current commune and village in scope, the second sheet of import templates. */
    @Transactional(readOnly = true)
    public List<List<String>> templateRows(SignedInUser user) {
        return queries.current(user.scopePath()).stream()
                .sorted(java.util.Comparator.comparing(LocalityView::code))
                .map(l -> List.of(l.code(), l.name(), l.parentName() == null ? "" : l.parentName()))
                .toList();
    }

    /** How many current localities of each level the user's scope holds. */
    @Transactional(readOnly = true)
    public Map<LocalityLevel, Long> countByLevel(SignedInUser user) {
        Map<LocalityLevel, Long> counts = new EnumMap<>(LocalityLevel.class);
        for (LocalityLevel level : LocalityLevel.values()) {
            counts.put(level, 0L);
        }
        queries.countByLevel(user.scopePath()).forEach(row -> counts.put(row.level(), row.count()));
        return counts;
    }

    public List<LocalityKind> villageKinds() {
        return queries.kinds().stream()
                .filter(kind -> kind.level() == LocalityLevel.VILLAGE)
                .toList();
    }

    /** A village kind from its code (TO_DAN_PHO) or its label in any case, with or without diacritics. */
    public Optional<LocalityKind> villageKind(@Nullable String text) {
        String folded = VietnameseText.fold(text).replace('_', ' ');
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        return villageKinds().stream()
                .filter(kind ->
                        VietnameseText.fold(kind.code()).replace('_', ' ').equals(folded)
                                || VietnameseText.fold(kind.label()).equals(folded))
                .findFirst();
    }

    @Transactional
    public LocalityView createVillage(String communeCode, VillageDraft draft, SignedInUser user) {
        requireEditor(user);
        LocalityView commune = get(communeCode, user);
        requireEditable(commune);
        if (!commune.isCommune() || !commune.current()) {
            throw new InvalidInputException(
                    "parentCode", "Thôn, tổ dân phố chỉ được tạo trong một xã, phường đang hoạt động.");
        }
        String name = Locality.requireName(VietnameseText.cleanOrEmpty(draft.name()));
        LocalityKind kind = villageKind(draft.kind())
                .orElseThrow(() -> new InvalidInputException("kind", unknownKindMessage(draft.kind())));
        LocalDate validFrom = draft.validFrom() == null ? LocalDate.now() : draft.validFrom();
        if (validFrom.isAfter(LocalDate.now())) {
            throw new InvalidInputException("validFrom", futureStartMessage(validFrom));
        }
        Locality village = insertVillage(commune, name, kind.code(), validFrom);
        return queries.find(village.code(), user.scopePath()).orElseThrow();
    }

    @Transactional
    public LocalityView renameVillage(String code, String newName, int version, SignedInUser user) {
        requireEditor(user);
        LocalityView view = get(code, user);
        Locality village = load(view);
        village.checkVersion(version);
        String name = Locality.requireName(VietnameseText.cleanOrEmpty(newName));
        if (!VietnameseText.fold(name).equals(VietnameseText.fold(village.name()))
                && village.parentId() != null
                && queries.currentNameTaken(village.parentId(), name)) {
            throw new InvalidInputException("name", duplicateMessage(name, view.parentName()));
        }
        Locality.Snapshot before = village.snapshot();
        village.rename(name);
        localities.save(village);
        audit.recordChange("RENAME", ENTITY, code, before, village.snapshot(), view.path());
        return queries.find(code, user.scopePath()).orElseThrow();
    }

    /**
     * Retires a village on {@code on}. Its records still active that day go to {@code recordsTo} (a current village of
     * the same commune, which then succeeds it); without one, a village still holding records is refused, naming
     * them ({@link LocalitiesMerged}).
     */
    @Transactional
    public void retireVillage(
            String code, LocalDate on, String note, int version, @Nullable String recordsTo, SignedInUser user) {
        requireEditor(user);
        LocalityView view = get(code, user);
        Locality village = load(view);
        village.checkVersion(version);
        LocalityView heir = null;
        String heirCode = VietnameseText.cleanOrEmpty(recordsTo);
        if (!heirCode.isEmpty()) {
            heir = get(heirCode, user);
            if (!heir.isVillage()
                    || !heir.current()
                    || heir.code().equals(view.code())
                    || !java.util.Objects.equals(heir.parentCode(), view.parentCode())) {
                throw new InvalidInputException(
                        "recordsTo", "Hãy chọn một thôn, tổ dân phố khác đang hoạt động của cùng xã, phường.");
            }
            if (heir.validFrom() != null && heir.validFrom().isAfter(on)) {
                throw new InvalidInputException(
                        "recordsTo", "“" + heir.name() + "” chỉ có từ " + heir.validFrom() + ", sau ngày hiệu lực.");
            }
        }
        Locality.Snapshot before = village.snapshot();
        village.retire(on);
        localities.save(village);
        String cleanNote = VietnameseText.cleanOrEmpty(note);
        if (heir != null) {
            queries.addSuccession(village.id(), heir.id(), on, cleanNote);
        }
        audit.recordChange(
                "RETIRE",
                ENTITY,
                code,
                before,
                new Retirement(village.snapshot(), cleanNote, heir == null ? null : heir.code()),
                view.path());
        events.publishEvent(
                new LocalitiesMerged(List.of(village.id()), heir == null ? null : heir.id(), on, null, false));
    }

    /**
     * Merges current villages of one commune into a new village that succeeds them all from {@code on}; their records
     * follow ({@link LocalitiesMerged}), and {@code chapters} says what becomes of their chapters when several have one.
     */
    @Transactional
    public LocalityView mergeVillages(
            List<String> codes, VillageDraft successor, String note, ChapterChoice chapters, SignedInUser user) {
        requireEditor(user);
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(codes));
        if (distinct.size() < 2) {
            throw new InvalidInputException("codes", "Hãy chọn ít nhất hai thôn, tổ dân phố để sáp nhập.");
        }
        LocalDate on = successor.validFrom() == null ? LocalDate.now() : successor.validFrom();
        String continuing = VietnameseText.cleanOrEmpty(chapters.continuingVillage());
        if (!continuing.isEmpty() && !distinct.contains(continuing)) {
            throw new InvalidInputException(
                    "chapterContinuesFrom", "Thôn có chi hội tiếp tục phải là một trong các thôn được sáp nhập.");
        }
        List<LocalityView> sources =
                distinct.stream().map(code -> get(code, user)).toList();
        sources.forEach(LocalityService::requireEditable);
        String communeCode = sources.get(0).parentCode();
        if (communeCode == null
                || sources.stream().anyMatch(v -> !v.isVillage() || !communeCode.equals(v.parentCode()))) {
            throw new InvalidInputException("codes", "Chỉ sáp nhập được các thôn, tổ dân phố của cùng một xã, phường.");
        }
        LocalityView commune = get(communeCode, user);
        String cleanNote = VietnameseText.cleanOrEmpty(note);
        List<Locality> retired = new ArrayList<>();
        for (LocalityView source : sources) {
            Locality village = load(source);
            Locality.Snapshot before = village.snapshot();
            village.retire(on);
            localities.save(village);
            audit.recordChange("MERGE_RETIRE", ENTITY, source.code(), before, village.snapshot(), source.path());
            retired.add(village);
        }
        String name = Locality.requireName(VietnameseText.cleanOrEmpty(successor.name()));
        LocalityKind kind = villageKind(successor.kind())
                .orElseThrow(() -> new InvalidInputException("kind", unknownKindMessage(successor.kind())));
        Locality merged = insertVillage(commune, name, kind.code(), on);
        for (Locality village : retired) {
            queries.addSuccession(village.id(), merged.id(), on, cleanNote);
        }
        Long continuesFrom = continuing.isEmpty()
                ? null
                : sources.stream()
                        .filter(v -> v.code().equals(continuing))
                        .findFirst()
                        .orElseThrow()
                        .id();
        events.publishEvent(new LocalitiesMerged(
                retired.stream().map(Locality::id).toList(), merged.id(), on, continuesFrom, chapters.branches()));
        return queries.find(merged.code(), user.scopePath()).orElseThrow();
    }

    /** Inserts a village under a commune after checking the name; the commune row is locked to number it. */
    Locality insertVillage(LocalityView commune, String name, String kind, LocalDate validFrom) {
        queries.lockForChildren(commune.id());
        if (queries.currentNameTaken(commune.id(), name)) {
            throw new InvalidInputException("name", duplicateMessage(name, commune.name()));
        }
        String code = queries.nextVillageCode(commune.id(), commune.code());
        Locality village = localities.save(Locality.village(code, name, kind, commune.id(), validFrom));
        audit.recordChange("CREATE", ENTITY, code, null, village.snapshot(), commune.path() + "." + village.id());
        return village;
    }

    /** The former map is read-only: every write on it is refused naming the locality. */
    static void requireEditable(LocalityView locality) {
        if (locality.formerMap()) {
            throw new InvalidInputException("code", Locality.readOnlyMessage(locality.name()));
        }
    }

    static String duplicateMessage(String name, @Nullable String communeName) {
        return "Đã có “" + name + "” trong " + (communeName == null ? "xã, phường này" : communeName) + ".";
    }

    /** A village may be recorded from a day in the past (most are decades old), never from a day to come. */
    static String futureStartMessage(LocalDate validFrom) {
        return "Ngày bắt đầu (validFrom) " + Lifespan.day(validFrom) + " không được sau hôm nay.";
    }

    static String unknownKindMessage(@Nullable String kind) {
        String given = kind == null || kind.isBlank() ? "Loại để trống" : "Loại “" + kind + "” không hợp lệ";
        return given + ": hãy ghi thôn, buôn, bon, tổ dân phố hoặc khu phố.";
    }

    private Locality load(LocalityView view) {
        return localities.findById(view.id()).orElseThrow(() -> new NotFoundException("Không tìm thấy địa bàn."));
    }

    static void requireEditor(SignedInUser user) {
        if (!user.canEditLocalities()) {
            throw new AccessDeniedException("Tài khoản của bạn không được sửa danh mục địa bàn.");
        }
    }

    /**
     * A village as seen by a record already there that keeps its place and its start day: one moved there by a merge
     * began in a village this one took over, so its days begin with the first of those. A new record, or one whose
     * start day or place changes, is checked against {@link LocalityView#lifespan()}. Read only for such an edit.
     */
    @Transactional(readOnly = true)
    public LocalityView asHomeOfMovedRecords(LocalityView village) {
        if (!village.isVillage()) {
            return village;
        }
        LocalDate first = queries.lineageFrom(village.id());
        return first == null || !first.isBefore(village.validFrom()) ? village : village.beginning(first);
    }

    /** What a village is made from, in a form, the API or an import row. */
    public record VillageDraft(
            @Nullable String name,
            @Nullable String kind,
            @Nullable LocalDate validFrom) {}

    /** A locality of the map as of a date, as {@code GET /api/v1/localities?date=} answers it. */
    public record DatedLocality(
            String code,
            String name,
            LocalityLevel level,
            String kind,
            String kindLabel,
            @Nullable String parentCode,
            @Nullable String parentName,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            boolean formerMap,
            List<String> successorCodes) {

        static DatedLocality of(LocalityView l, List<String> successorCodes) {
            return new DatedLocality(
                    l.code(),
                    l.name(),
                    l.level(),
                    l.kind(),
                    l.kindLabel(),
                    l.parentCode(),
                    l.parentName(),
                    l.validFrom(),
                    l.validTo(),
                    l.formerMap(),
                    successorCodes);
        }
    }

    /** Who came before and after a locality. */
    public record History(List<LocalityView> predecessors, List<LocalityView> successors) {}

    record Retirement(
            Locality.Snapshot locality,
            String note,
            @Nullable String recordsTo) {}

    /**
     * The officer's answer when several merged villages have a chapter: the village whose chapter continues (code),
     * and whether the others become its branches instead of being dissolved.
     */
    public record ChapterChoice(@Nullable String continuingVillage, boolean branches) {

        public static ChapterChoice none() {
            return new ChapterChoice(null, false);
        }
    }
}
