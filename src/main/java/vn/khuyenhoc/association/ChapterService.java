package vn.khuyenhoc.association;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.clan.ClanService;
import vn.khuyenhoc.clan.ClanView;
import vn.khuyenhoc.locality.LocalityLevel;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.organization.OrganizationService;
import vn.khuyenhoc.organization.OrganizationView;
import vn.khuyenhoc.shared.ExportFormat;
import vn.khuyenhoc.shared.FileType;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.Lifespan;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.RegistryWrites;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TableWriter;
import vn.khuyenhoc.shared.VietnameseText;

/** Chapters of the Study Promotion Association and the yearly record of whether each ran the movement. */
@Service
public class ChapterService {

    private static final String ENTITY = "chapter";

    private final ChapterRepository chapters;
    private final RegistryWrites<Chapter, Chapter.Snapshot> writes;
    private final ChapterQueries queries;
    private final LocalityService localities;
    private final OrganizationService organizations;
    private final ClanService clans;
    private final AuditTrail audit;

    ChapterService(
            ChapterRepository chapters,
            ChapterQueries queries,
            LocalityService localities,
            OrganizationService organizations,
            ClanService clans,
            AuditTrail audit) {
        this.chapters = chapters;
        this.queries = queries;
        this.localities = localities;
        this.organizations = organizations;
        this.clans = clans;
        this.audit = audit;
        this.writes = new RegistryWrites<>(
                ENTITY, chapters::findById, chapters::save, Chapter::id, Chapter::snapshot, audit::recordChange);
    }

    @Transactional(readOnly = true)
    public ChapterView get(long id, SignedInUser user) {
        return queries.find(id, user.scopePath())
                .orElseThrow(() -> new NotFoundException("Không tìm thấy chi hội, ban khuyến học số " + id + "."));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<ChapterView> find(long id, SignedInUser user) {
        return queries.find(id, user.scopePath());
    }

    @Transactional(readOnly = true)
    Paged<ChapterView> search(ChapterSearch search, SignedInUser user, PageQuery page) {
        return queries.search(search, user.scopePath(), localities.subtreePath(search.locality(), user), page);
    }

    @Transactional(readOnly = true)
    List<Movement> movements(long id, SignedInUser user) {
        return queries.movements(get(id, user).id());
    }

    @Transactional(readOnly = true)
    void export(ChapterSearch search, SignedInUser user, ExportFormat format, OutputStream out) {
        String within = localities.subtreePath(search.locality(), user); // before the first byte
        try (TableWriter writer = new TableWriter(
                format,
                out,
                "Chi hội, ban khuyến học",
                List.of(
                        "Mã số",
                        "Tên",
                        "Loại",
                        "Đặt tại",
                        "Nơi đặt",
                        "Xã, phường",
                        "Ngày thành lập",
                        "Số quyết định",
                        "Năm gần nhất có phong trào",
                        "Ngày giải thể"))) {
            queries.each(
                    search,
                    user.scopePath(),
                    within,
                    c -> writer.row(java.util.Arrays.asList(
                            c.id(),
                            c.name(),
                            c.kind().label(),
                            c.hostType().label(),
                            c.hostName(),
                            c.communeName(),
                            c.foundedOn(),
                            c.decisionNo(),
                            c.lastMovementYear(),
                            c.dissolvedOn())));
        }
    }

    @Transactional
    ChapterView create(ChapterForm form, SignedInUser user) {
        user.requireWriter();
        Chapter.Host host = host(form, user);
        Chapter.Details details = Chapter.Details.of(form, host);
        if (queries.hostHasActiveChapter(host.type(), host.id())) {
            throw new InvalidInputException(
                    hostField(host.type()), "“" + host.name() + "” đã có một chi hội, ban khuyến học đang hoạt động.");
        }
        long id = writes.add("CREATE", Chapter.found(host, details), host.localityPath());
        return get(id, user);
    }

    @Transactional
    ChapterView update(long id, ChapterForm form, SignedInUser user) {
        user.requireWriter();
        ChapterView current = get(id, user);
        RegistryWrites.requireVersion(form.version());
        // a chapter moved by a merge keeps its founding day: its host's days begin with the villages it took over
        boolean kept = java.util.Objects.equals(form.foundedOn(), current.foundedOn());
        Chapter.Details details = Chapter.Details.of(form, hostOf(current, kept, user));
        writes.change("UPDATE", id, form.version(), current.localityPath(), (chapter, v) -> chapter.edit(details, v));
        return get(id, user);
    }

    @Transactional
    ChapterView dissolve(long id, LocalDate on, int version, SignedInUser user) {
        user.requireWriter();
        ChapterView current = get(id, user);
        writes.change("DISSOLVE", id, version, current.localityPath(), (chapter, v) -> chapter.dissolve(on, v));
        return get(id, user);
    }

    /** Records whether the chapter ran the movement in {@code year}; a later record of the same year replaces it. */
    @Transactional
    Movement recordMovement(
            long id, int year, boolean runs, @Nullable String note, Evidence evidence, SignedInUser user) {
        user.requireWriter();
        ChapterView current = get(id, user);
        ProgrammeYear.check(year, "year");
        chapters.findById(id).orElseThrow().requireExistedIn(year);
        String cleanNote = VietnameseText.cleanOrEmpty(note);
        if (cleanNote.length() > 1000) {
            throw new InvalidInputException("note", "Ghi chú dài quá 1000 ký tự.");
        }
        if (evidence.content() != null) {
            if (evidence.content().length > Evidence.MAX_BYTES) {
                throw new InvalidInputException("evidence", "Tệp minh chứng tối đa 10 MB.");
            }
            // by the file's first bytes, as registrations check theirs: the declared content type is the sender's word
            String type = FileType.of(evidence.content());
            if (type == null) {
                throw new InvalidInputException("evidence", "Minh chứng phải là tệp PDF, JPEG hoặc PNG.");
            }
            evidence = new Evidence(evidence.name(), type, evidence.content());
        }
        Movement before = queries.movement(id, year).orElse(null);
        queries.saveMovement(id, year, runs, cleanNote, evidence, user.username());
        Movement after = queries.movement(id, year).orElseThrow();
        audit.recordChange("MOVEMENT", ENTITY, id + "/" + year, before, after, current.localityPath());
        return after;
    }

    @Transactional(readOnly = true)
    Evidence evidence(long id, int year, SignedInUser user) {
        return queries.evidence(get(id, user).id(), year)
                .orElseThrow(() -> new NotFoundException("Không có minh chứng."));
    }

    /** The host named by a form, which must be current and in the user's scope. */
    private Chapter.Host host(ChapterForm form, SignedInUser user) {
        HostType type = VietnameseText.choose(HostType.values(), HostType::label, form.hostType())
                .orElseThrow(() -> new InvalidInputException(
                        "hostType", "Nơi đặt chi hội phải là VILLAGE, ORGANIZATION hoặc CLAN."));
        return switch (type) {
            case VILLAGE -> {
                LocalityView village = localities
                        .find(VietnameseText.cleanOrEmpty(form.hostCode()), user.scopePath())
                        .filter(v -> v.level() == LocalityLevel.VILLAGE && v.current())
                        .orElseThrow(() -> new InvalidInputException(
                                "hostCode",
                                "Không có thôn, tổ dân phố đang hoạt động mã “" + form.hostCode()
                                        + "” trong phạm vi của bạn."));
                yield villageHost(village);
            }
            case ORGANIZATION -> {
                OrganizationView organization = (form.hostId() == null
                        ? null
                        : organizations
                                .find(form.hostId(), user.scopePath())
                                .filter(OrganizationView::active)
                                .orElse(null));
                if (organization == null) {
                    throw new InvalidInputException(
                            "hostId",
                            "Không có cơ quan, đơn vị đang hoạt động số “" + form.hostId()
                                    + "” trong phạm vi của bạn.");
                }
                yield organizationHost(organization);
            }
            case CLAN -> {
                ClanView clan = (form.hostId() == null
                        ? null
                        : clans.find(form.hostId(), user.scopePath())
                                .filter(ClanView::active)
                                .orElse(null));
                if (clan == null) {
                    throw new InvalidInputException(
                            "hostId",
                            "Không có dòng họ, cơ sở đang hoạt động số “" + form.hostId() + "” trong phạm vi của bạn.");
                }
                yield clanHost(clan);
            }
        };
    }

    /** The host of an existing chapter as it is now, current or not: its days bound the chapter's. */
    private Chapter.Host hostOf(ChapterView chapter, boolean kept, SignedInUser user) {
        return switch (chapter.hostType()) {
            case VILLAGE ->
                villageHost(localities
                        .find(String.valueOf(chapter.hostCode()), user.scopePath())
                        .map(v -> kept ? localities.asHomeOfMovedRecords(v) : v)
                        .orElseThrow());
            case ORGANIZATION ->
                organizationHost(
                        organizations.find(chapter.hostId(), user.scopePath()).orElseThrow());
            case CLAN -> clanHost(clans.find(chapter.hostId(), user.scopePath()).orElseThrow());
        };
    }

    private static Chapter.Host villageHost(LocalityView village) {
        return new Chapter.Host(
                HostType.VILLAGE, village.id(), village.id(), village.name(), village.path(), village.lifespan());
    }

    private static Chapter.Host organizationHost(OrganizationView organization) {
        return new Chapter.Host(
                HostType.ORGANIZATION,
                organization.id(),
                organization.localityId(),
                organization.name(),
                organization.localityPath(),
                new Lifespan(organization.openedOn(), organization.closedOn()));
    }

    private static Chapter.Host clanHost(ClanView clan) {
        return new Chapter.Host(
                HostType.CLAN,
                clan.id(),
                clan.localityId(),
                clan.name(),
                clan.localityPath(),
                new Lifespan(clan.since(), clan.closedOn()));
    }

    private static String hostField(HostType type) {
        return type == HostType.VILLAGE ? "hostCode" : "hostId";
    }
}
