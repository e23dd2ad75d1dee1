package vn.khuyenhoc.organization;

import java.io.OutputStream;
import java.time.LocalDate;
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

/** The organization registry: lists and exports within a scope, and the life of each organization. */
@Service
public class OrganizationService {

    private static final String ENTITY = "organization";
    static final List<String> EXPORT_HEADERS = List.of(
            "Mã số",
            "Tên",
            "Loại",
            "Cấp học",
            "Cấp quản lý",
            "Mã địa bàn",
            "Địa bàn",
            "Xã, phường",
            "Ngày thành lập",
            "Ngày ngừng hoạt động");

    private final OrganizationQueries queries;
    private final LocalityService localities;
    private final RegistryWrites<Organization, Organization.Snapshot> writes;
    private final ApplicationEventPublisher events;

    OrganizationService(
            OrganizationRepository organizations,
            OrganizationQueries queries,
            LocalityService localities,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.queries = queries;
        this.localities = localities;
        this.events = events;
        this.writes = new RegistryWrites<>(
                ENTITY,
                organizations::findById,
                organizations::save,
                Organization::id,
                Organization::snapshot,
                audit::recordChange);
    }

    /** The organization if it lies in the user's scope; otherwise 404. */
    @Transactional(readOnly = true)
    public OrganizationView get(long id, SignedInUser user) {
        return find(id, user.scopePath())
                .orElseThrow(() -> new NotFoundException("Không tìm thấy cơ quan, đơn vị số " + id + "."));
    }

    @Transactional(readOnly = true)
    public Optional<OrganizationView> find(long id, String scopePath) {
        return queries.find(id, scopePath);
    }

    @Transactional(readOnly = true)
    Paged<OrganizationView> search(OrganizationSearch search, SignedInUser user, PageQuery page) {
        return queries.search(search, user.scopePath(), localities.subtreePath(search.locality(), user), page);
    }

    @Transactional(readOnly = true)
    void export(OrganizationSearch search, SignedInUser user, ExportFormat format, OutputStream out) {
        String within = localities.subtreePath(search.locality(), user); // before the first byte
        try (TableWriter writer = new TableWriter(format, out, "Cơ quan, đơn vị", EXPORT_HEADERS)) {
            queries.each(
                    search,
                    user.scopePath(),
                    within,
                    o -> writer.row(java.util.Arrays.asList(
                            o.id(),
                            o.name(),
                            o.kind().label(),
                            o.schoolLevel() == null ? null : o.schoolLevel().label(),
                            o.managingLevel().label(),
                            o.localityCode(),
                            o.localityName(),
                            o.communeName(),
                            o.openedOn(),
                            o.closedOn())));
        }
    }

    @Transactional
    OrganizationView create(OrganizationForm form, SignedInUser user) {
        user.requireWriter();
        LocalityView locality = localities.placeOf(form.localityCode(), user);
        long id = writes.add("CREATE", Organization.open(Organization.Details.of(form, locality)), locality.path());
        return get(id, user);
    }

    @Transactional
    OrganizationView update(long id, OrganizationForm form, SignedInUser user) {
        user.requireWriter();
        OrganizationView current = get(id, user);
        RegistryWrites.requireVersion(form.version());
        LocalityView place = localities.placeOf(form.localityCode(), user);
        boolean kept = place.code().equals(current.localityCode()) && Objects.equals(form.since(), current.since());
        Organization.Details details =
                Organization.Details.of(form, kept ? localities.asHomeOfMovedRecords(place) : place);
        writes.change("UPDATE", id, form.version(), current.localityPath(), (o, v) -> o.edit(details, v));
        return datesChanged(get(id, user));
    }

    @Transactional
    OrganizationView close(long id, LocalDate on, int version, SignedInUser user) {
        user.requireWriter();
        OrganizationView current = get(id, user);
        writes.change("CLOSE", id, version, current.localityPath(), (o, v) -> o.close(on, v));
        return datesChanged(get(id, user));
    }

    /** Chapters hosted by the organization may refuse the new dates (the whole change is then undone). */
    private OrganizationView datesChanged(OrganizationView saved) {
        events.publishEvent(new OrganizationDatesChanged(saved.id(), saved.name(), saved.openedOn(), saved.closedOn()));
        return saved;
    }

    /** Saves a row of an import whose values were checked already. */
    void insert(Organization.Details details, String localityPath) {
        writes.add("IMPORT", Organization.open(details), localityPath);
    }
}
