package vn.khuyenhoc.family;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.locality.LocalityLevel;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ExportFormat;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.Lifespan;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.RegistryWrites;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TableWriter;

/** The household registry. Households are personal data: every list shown or exported is logged. */
@Service
public class FamilyService {

    static final String ENTITY = "family";
    static final String PHONE = "Điện thoại";
    static final List<String> EXPORT_HEADERS = List.of(
            "Mã số",
            "Họ tên chủ hộ",
            "Địa chỉ",
            "Số nhân khẩu",
            "Số người lớn",
            "Số trẻ trong độ tuổi đi học",
            FamilyService.PHONE,
            "Mã thôn",
            "Thôn, tổ dân phố",
            "Xã, phường",
            "Bắt đầu theo dõi từ",
            "Ngừng theo dõi từ");

    private final FamilyQueries queries;
    private final LocalityService localities;
    private final AuditTrail audit;
    private final RegistryWrites<Family, Family.Snapshot> writes;

    FamilyService(FamilyRepository families, FamilyQueries queries, LocalityService localities, AuditTrail audit) {
        this.queries = queries;
        this.localities = localities;
        this.audit = audit;
        this.writes = new RegistryWrites<>(
                ENTITY, families::findById, families::save, Family::id, Family::snapshot, audit::recordChange);
    }

    @Transactional(readOnly = true)
    public FamilyView get(long id, SignedInUser user) {
        return find(id, user.scopePath())
                .map(family -> family.shownTo(user))
                .orElseThrow(() -> new NotFoundException("Không tìm thấy hộ gia đình số " + id + "."));
    }

    @Transactional(readOnly = true)
    public Optional<FamilyView> find(long id, String scopePath) {
        return queries.find(id, scopePath);
    }

    /** Pages count at most this many households; past it they say "more than". */
    static final long PAGE_COUNT_LIMIT = 10_000;

    /**
     * One page of the list, its total counted up to {@code countLimit}; the view of a personal list is written to
     * the audit trail.
     */
    @Transactional
    Paged<FamilyView> search(FamilySearch search, SignedInUser user, PageQuery page, long countLimit) {
        String within = localities.subtreePath(search.locality(), user);
        audit.recordAccess("VIEW_LIST", ENTITY, new Access(search, page.page()), within);
        Paged<FamilyView> found = queries.search(search, user.scopePath(), within, page, countLimit);
        return new Paged<>(
                found.items().stream().map(f -> f.shownTo(user)).toList(), found.total(), found.page(), found.size());
    }

    @Transactional
    void export(FamilySearch search, SignedInUser user, ExportFormat format, OutputStream out) {
        String within = localities.subtreePath(search.locality(), user);
        audit.recordAccess("EXPORT", ENTITY, new Access(search, -1), within);
        boolean phones = user.canSeePhones();
        List<String> headers = phones
                ? EXPORT_HEADERS
                : EXPORT_HEADERS.stream().filter(h -> !h.equals(PHONE)).toList();
        try (TableWriter writer = new TableWriter(format, out, "Hộ gia đình", headers)) {
            queries.each(search, user.scopePath(), within, f -> {
                List<Object> row = new ArrayList<>(Arrays.asList(
                        f.id(),
                        f.headName(),
                        f.address(),
                        f.members(),
                        f.adults(),
                        f.schoolAgeChildren(),
                        f.phone(),
                        f.villageCode(),
                        f.villageName(),
                        f.communeName(),
                        f.since(),
                        f.closedOn()));
                if (!phones) {
                    row.remove(EXPORT_HEADERS.indexOf(PHONE));
                }
                writer.row(row);
            });
        }
    }

    record Access(FamilySearch filter, int page) {}

    @Transactional
    public FamilyView create(FamilyForm form, SignedInUser user) {
        user.requireWriter();
        LocalityView village = village(form, user);
        Family.Details details = details(form, village, form.phone());
        checkDuplicates(form, details, 0);
        long id = writes.add("CREATE", Family.register(details), village.path());
        return get(id, user);
    }

    @Transactional
    public FamilyView update(long id, FamilyForm form, SignedInUser user) {
        user.requireWriter();
        FamilyView current = get(id, user);
        RegistryWrites.requireVersion(form.version());
        LocalityView chosen = village(form, user);
        // a household moved here by a merge keeps its start day: checked against the villages this one took over
        LocalityView village =
                chosen.code().equals(current.villageCode()) && Objects.equals(form.since(), current.since())
                        ? localities.asHomeOfMovedRecords(chosen)
                        : chosen;
        writes.change("UPDATE", id, form.version(), current.localityPath(), (family, version) -> {
            // a role that does not see the phone did not see it in the form either: it keeps the stored one
            Family.Details details = details(
                    form,
                    village,
                    user.canSeePhones() ? form.phone() : family.snapshot().phone());
            checkDuplicates(form, details, id);
            family.edit(details, version);
        });
        return get(id, user);
    }

    @Transactional
    FamilyView close(long id, LocalDate on, int version, SignedInUser user) {
        user.requireWriter();
        FamilyView current = get(id, user);
        writes.change("CLOSE", id, version, current.localityPath(), (family, v) -> family.close(on, v));
        return get(id, user);
    }

    private static Family.Details details(FamilyForm form, LocalityView village, @Nullable String phone) {
        return Family.Details.of(
                form.headName(),
                form.address(),
                form.members(),
                form.adults(),
                form.schoolAgeChildren(),
                phone,
                village.id(),
                form.since(),
                form.closedOn(),
                lifespanOf(village),
                village.name());
    }

    /** The days a village existed, within which its households' days must lie. */
    static Lifespan lifespanOf(LocalityView village) {
        return village.lifespan();
    }

    /** A likely duplicate (same head name in the same village) is saved only when the person confirms it. */
    private void checkDuplicates(FamilyForm form, Family.Details details, long exceptId) {
        queries.lockVillage(details.villageId());
        if (Boolean.TRUE.equals(form.confirmDuplicate())) {
            return;
        }
        List<FamilyView> same = queries.likelyDuplicates(details.villageId(), details.headName(), exceptId);
        if (!same.isEmpty()) {
            throw new InvalidInputException(
                    "confirmDuplicate",
                    "Có thể trùng: thôn này đã có hộ “" + same.get(0).headName()
                            + "” (số "
                            + same.stream().map(f -> String.valueOf(f.id())).collect(Collectors.joining(", "))
                            + "). Kiểm tra lại, hoặc xác nhận vẫn lưu (confirmDuplicate).");
        }
    }

    /** New households go only to a current village (a closed village receives none). */
    LocalityView village(FamilyForm form, SignedInUser user) {
        LocalityView place;
        try {
            place = localities.placeOf(form.village(), user);
        } catch (InvalidInputException e) {
            throw e.renamed("localityCode", "villageCode"); // the household's field is its village
        }
        if (place.level() != LocalityLevel.VILLAGE) {
            throw new InvalidInputException(
                    "villageCode", "Hộ gia đình phải thuộc một thôn, buôn, tổ dân phố (không phải cả xã).");
        }
        return place;
    }
}
