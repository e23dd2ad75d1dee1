package vn.khuyenhoc.clan;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
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
import vn.khuyenhoc.shared.VietnameseText;

/** The registry of clans, hometown associations and religious establishments. */
@Service
public class ClanService {

    private static final String ENTITY = "clan";
    static final List<String> EXPORT_HEADERS = List.of(
            "Mã số",
            "Tên",
            "Loại",
            "Tôn giáo",
            "Số hộ (ước)",
            "Mã địa bàn",
            "Địa bàn",
            "Xã, phường",
            "Ngày ngừng hoạt động");

    private final ClanRepository clans;
    private final ClanQueries queries;
    private final LocalityService localities;
    private final AuditTrail audit;

    ClanService(ClanRepository clans, ClanQueries queries, LocalityService localities, AuditTrail audit) {
        this.clans = clans;
        this.queries = queries;
        this.localities = localities;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public ClanView get(long id, SignedInUser user) {
        return find(id, user.scopePath())
                .orElseThrow(() -> new NotFoundException("Không tìm thấy dòng họ, cơ sở số " + id + "."));
    }

    @Transactional(readOnly = true)
    public Optional<ClanView> find(long id, String scopePath) {
        return queries.find(id, scopePath);
    }

    @Transactional(readOnly = true)
    Paged<ClanView> search(ClanSearch search, SignedInUser user, PageQuery page) {
        return queries.search(search, user.scopePath(), localities.subtreePath(search.locality(), user), page);
    }

    @Transactional(readOnly = true)
    void export(ClanSearch search, SignedInUser user, ExportFormat format, OutputStream out) {
        String within = localities.subtreePath(search.locality(), user); // before the first byte
        try (TableWriter writer = new TableWriter(format, out, "Dòng họ, cơ sở tôn giáo", EXPORT_HEADERS)) {
            queries.each(
                    search,
                    user.scopePath(),
                    within,
                    g -> writer.row(Arrays.asList(
                            g.id(),
                            g.name(),
                            g.kind().label(),
                            g.religion(),
                            g.householdsApprox(),
                            g.localityCode(),
                            g.localityName(),
                            g.communeName(),
                            g.closedOn())));
        }
    }

    @Transactional
    ClanView create(ClanForm form, SignedInUser user) {
        user.requireWriter();
        LocalityView locality = localities.placeOf(form.localityCode(), user);
        Clan clan = clans.save(Clan.open(details(form, locality)));
        audit.recordChange("CREATE", ENTITY, String.valueOf(clan.id()), null, clan.snapshot(), locality.path());
        return get(clan.id(), user);
    }

    @Transactional
    ClanView update(long id, ClanForm form, SignedInUser user) {
        user.requireWriter();
        ClanView current = get(id, user);
        if (form.version() == null) {
            throw new InvalidInputException("version", "Thiếu phiên bản (version) của bản ghi đang sửa.");
        }
        LocalityView locality = localities.placeOf(form.localityCode(), user);
        Clan clan = clans.findById(id).orElseThrow();
        Clan.Snapshot before = clan.snapshot();
        clan.edit(details(form, locality), form.version());
        clans.save(clan);
        audit.recordChange("UPDATE", ENTITY, String.valueOf(id), before, clan.snapshot(), current.localityPath());
        return get(id, user);
    }

    @Transactional
    ClanView close(long id, LocalDate on, int version, SignedInUser user) {
        user.requireWriter();
        ClanView current = get(id, user);
        Clan clan = clans.findById(id).orElseThrow();
        Clan.Snapshot before = clan.snapshot();
        clan.close(on, version);
        clans.save(clan);
        audit.recordChange("CLOSE", ENTITY, String.valueOf(id), before, clan.snapshot(), current.localityPath());
        return get(id, user);
    }

    void insert(Clan.Details details, String localityPath) {
        Clan clan = clans.save(Clan.open(details));
        audit.recordChange("IMPORT", ENTITY, String.valueOf(clan.id()), null, clan.snapshot(), localityPath);
    }

    static Clan.Details details(ClanForm form, LocalityView locality) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = VietnameseText.cleanOrEmpty(form.name());
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "Tên không được để trống."));
        } else if (name.length() > 200) {
            problems.add(new FieldProblem("name", "Tên dài quá 200 ký tự."));
        }
        var kind = VietnameseText.choose(ClanKind.values(), ClanKind::label, form.kind());
        if (kind.isEmpty()) {
            problems.add(new FieldProblem(
                    "kind",
                    "Loại “" + (form.kind() == null ? "" : form.kind())
                            + "” không hợp lệ: dòng họ, hội đồng hương hoặc cơ sở tôn giáo."));
        }
        String religion = VietnameseText.clean(form.religion());
        if (religion != null && religion.length() > 100) {
            problems.add(new FieldProblem("religion", "Tên tôn giáo dài quá 100 ký tự."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Clan.Details(
                name,
                kind.get(),
                religion == null || religion.isEmpty() ? null : religion,
                form.householdsApprox(),
                locality.id());
    }
}
