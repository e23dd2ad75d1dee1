package vn.khuyenhoc.clan;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ExportFormat;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.RegistryWrites;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TableWriter;

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
            "Ngày bắt đầu",
            "Ngày ngừng hoạt động");

    private final ClanQueries queries;
    private final LocalityService localities;
    private final RegistryWrites<Clan, Clan.Snapshot> writes;
    private final ApplicationEventPublisher events;

    ClanService(
            ClanRepository clans,
            ClanQueries queries,
            LocalityService localities,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.queries = queries;
        this.localities = localities;
        this.events = events;
        this.writes = new RegistryWrites<>(
                ENTITY, clans::findById, clans::save, Clan::id, Clan::snapshot, audit::recordChange);
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
                            g.since(),
                            g.closedOn())));
        }
    }

    @Transactional
    ClanView create(ClanForm form, SignedInUser user) {
        user.requireWriter();
        LocalityView locality = localities.placeOf(form.localityCode(), user);
        long id = writes.add("CREATE", Clan.open(Clan.Details.of(form, locality)), locality.path());
        return get(id, user);
    }

    @Transactional
    ClanView update(long id, ClanForm form, SignedInUser user) {
        user.requireWriter();
        ClanView current = get(id, user);
        RegistryWrites.requireVersion(form.version());
        LocalityView place = localities.placeOf(form.localityCode(), user);
        boolean kept = place.code().equals(current.localityCode()) && Objects.equals(form.since(), current.since());
        Clan.Details details = Clan.Details.of(form, kept ? localities.asHomeOfMovedRecords(place) : place);
        writes.change("UPDATE", id, form.version(), current.localityPath(), (clan, v) -> clan.edit(details, v));
        return datesChanged(get(id, user));
    }

    @Transactional
    ClanView close(long id, LocalDate on, int version, SignedInUser user) {
        user.requireWriter();
        ClanView current = get(id, user);
        writes.change("CLOSE", id, version, current.localityPath(), (clan, v) -> clan.close(on, v));
        return datesChanged(get(id, user));
    }

    /** Chapters hosted by the clan may refuse the new dates (the whole change is then undone). */
    private ClanView datesChanged(ClanView saved) {
        events.publishEvent(new ClanDatesChanged(saved.id(), saved.name(), saved.since(), saved.closedOn()));
        return saved;
    }

    void insert(Clan.Details details, String localityPath) {
        writes.add("IMPORT", Clan.open(details), localityPath);
    }
}
