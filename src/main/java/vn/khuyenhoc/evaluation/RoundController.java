package vn.khuyenhoc.evaluation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.criteria.CriteriaService;
import vn.khuyenhoc.criteria.CriteriaStatus;
import vn.khuyenhoc.criteria.Title;
import vn.khuyenhoc.criteria.TitleLevel;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.ExportFormat;
import vn.khuyenhoc.shared.HeldUploads;
import vn.khuyenhoc.shared.ImportPage;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.SignedInUser;

/** Pages of rounds: the list, opening one, a round with its funnel and registrations, and the registration grid. */
@Controller
class RoundController {

    private final RoundService rounds;
    private final RegistrationService registrations;
    private final DecisionService decisions;
    private final RecognitionFigures figures;
    private final CriteriaService criteria;
    private final LocalityService localities;
    private final RegistrationImport registrationImport;

    private final RecognitionSettings settings;
    private final HeldUploads held;

    RoundController(
            RoundService rounds,
            RegistrationService registrations,
            DecisionService decisions,
            RecognitionFigures figures,
            CriteriaService criteria,
            LocalityService localities,
            RegistrationImport registrationImport,
            RecognitionSettings settings,
            HeldUploads held) {
        this.settings = settings;
        this.held = held;
        this.registrationImport = registrationImport;
        this.rounds = rounds;
        this.registrations = registrations;
        this.decisions = decisions;
        this.figures = figures;
        this.criteria = criteria;
        this.localities = localities;
    }

    @GetMapping("/rounds")
    String list(
            @RequestParam(required = false) @Nullable Title title,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String locality,
            @RequestParam(required = false) @Nullable Integer page,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        model.addAttribute("title", title);
        model.addAttribute("year", year);
        model.addAttribute("locality", locality);
        model.addAttribute("titles", Title.values());
        model.addAttribute("years", years());
        model.addAttribute("results", rounds.search(title, year, locality, user, PageQuery.of(page, 50)));
        return "evaluation/rounds";
    }

    @GetMapping("/rounds/new")
    String newForm(@AuthenticationPrincipal SignedInUser user, Model model) {
        return form(
                model,
                new RoundService.RoundForm(
                        Title.LEARNING_FAMILY,
                        null,
                        LocalDate.now().getYear(),
                        user.scopeCode(),
                        null,
                        null,
                        null,
                        null,
                        null),
                List.of());
    }

    @PostMapping("/rounds")
    String open(
            @RequestParam(required = false) @Nullable String titleLevel,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String localityCode,
            @RequestParam(required = false) @Nullable Long criteriaSetId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate registrationDue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate selfAssessmentDue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate reviewDue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate decisionDue,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        TitleLevel level = titleLevel == null || !titleLevel.contains("/")
                ? null
                : TitleLevel.valueOf(titleLevel.split("/")[1]);
        Title title = titleLevel == null || titleLevel.isBlank()
                ? null
                : Title.valueOf(titleLevel.split("/")[0]);
        RoundService.RoundForm form = new RoundService.RoundForm(
                title,
                level,
                year,
                localityCode,
                criteriaSetId,
                registrationDue,
                selfAssessmentDue,
                reviewDue,
                decisionDue);
        try {
            Round round = rounds.open(form, user);
            redirect.addFlashAttribute("message", "Đã mở đợt " + round.label() + ". Hãy đăng ký các đối tượng.");
            return "redirect:/rounds/" + round.id();
        } catch (InvalidInputException e) {
            return form(model, form, e.problems());
        } catch (ConflictException e) {
            return form(model, form, List.of(new FieldProblem("title", e.getMessage())));
        }
    }

    private String form(Model model, RoundService.RoundForm form, List<FieldProblem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("titles", Title.values());
        model.addAttribute("years", years());
        model.addAttribute(
                "sets",
                criteria.all().stream()
                        .filter(s -> s.status() == CriteriaStatus.IN_FORCE)
                        .toList());
        return "evaluation/round-form";
    }

    /** The round: deadlines, the funnel of the user's scope, its breakdown, and the registrations filtered. */
    @GetMapping("/rounds/{id}")
    String detail(
            @PathVariable long id,
            RegistrationService.RegistrationSearch search,
            @RequestParam(required = false) @Nullable Integer page,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        Round round = rounds.get(id, user);
        String within = within(round, user);
        LocalDate today = LocalDate.now();
        model.addAttribute("round", round);
        model.addAttribute("search", search);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("funnel", figures.funnel(round.title(), round.level(), round.year(), id, within, today));
        model.addAttribute(
                "breakdown", figures.funnelByLocality(round.title(), round.level(), round.year(), id, within, today));
        model.addAttribute("results", registrations.search(round, search, user, PageQuery.of(page, 50)));
        model.addAttribute("decisions", decisions.ofRound(id, user));
        model.addAttribute("held", round.heldBy(user));
        model.addAttribute("today", today);
        return "evaluation/round";
    }

    @GetMapping("/rounds/{id}/registrations/export")
    void export(
            @PathVariable long id,
            RegistrationService.RegistrationSearch search,
            @RequestParam(required = false) @Nullable String format,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response)
            throws IOException {
        Round round = rounds.get(id, user);
        ExportFormat chosen = ExportFormat.of(format);
        registrations.export(round, search, user, chosen, chosen.download(response, "ho-so-dot-" + id));
    }

    @PostMapping("/rounds/{id}/deadlines")
    String reschedule(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registrationDue,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate selfAssessmentDue,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewDue,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDue,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        try {
            rounds.reschedule(
                    id, new Round.Schedule(registrationDue, selfAssessmentDue, reviewDue, decisionDue), version, user);
            redirect.addFlashAttribute("message", "Đã lưu các hạn của đợt.");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/rounds/" + id;
    }

    /** The grid: the subjects of a village (households) or of the round's locality, to tick and register at once. */
    @GetMapping("/rounds/{id}/register")
    String grid(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String locality,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        Round round = rounds.get(id, user);
        model.addAttribute("round", round);
        model.addAttribute("locality", locality);
        boolean byVillage = round.level() == TitleLevel.HOUSEHOLD || round.level() == TitleLevel.CLAN;
        model.addAttribute("byVillage", byVillage);
        if (byVillage) {
            model.addAttribute("villages", villages(round, user));
        }
        boolean chosen = !byVillage
                || (locality != null && !locality.isBlank())
                || user.scopePath().split("\\.").length >= 3;
        model.addAttribute("candidates", chosen ? registrations.candidates(round, locality, user) : List.of());
        model.addAttribute("chosen", chosen);
        model.addAttribute("late", LocalDate.now().isAfter(round.schedule().registration()));
        return "evaluation/register";
    }

    @PostMapping("/rounds/{id}/register")
    String register(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable List<Long> subjectIds,
            @RequestParam(required = false) @Nullable String locality,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        try {
            List<Registration> created = registrations.register(id, subjectIds, user);
            redirect.addFlashAttribute("message", "Đã đăng ký " + created.size() + " đối tượng.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/rounds/" + id + "/register"
                + (locality == null || locality.isBlank() ? "" : "?locality=" + locality);
    }

    @GetMapping("/recognising-authorities")
    String authorities(Model model) {
        model.addAttribute("rows", rounds.authorities());
        model.addAttribute("titles", Title.values());
        model.addAttribute("authorities", Authority.values());
        model.addAttribute("settings", settings.current());
        return "evaluation/authorities";
    }

    @PostMapping("/recognition-settings/separation-of-duties")
    String setSeparationOfDuties(
            @RequestParam boolean on,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        try {
            settings.setSeparationOfDuties(on, version, user);
            redirect.addFlashAttribute("message", on ? "Đã bật tách bạch nhiệm vụ." : "Đã tắt tách bạch nhiệm vụ.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/recognising-authorities#separation";
    }

    @PostMapping("/recognising-authorities")
    String setAuthority(
            @RequestParam String titleLevel,
            @RequestParam int fromYear,
            @RequestParam Authority authority,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        user.requireProvinceAdministrator(); // before reading the form: a viewer learns nothing from its errors
        try {
            String[] parts = titleLevel.split("/");
            Title title;
            TitleLevel level;
            try {
                title = Title.valueOf(parts[0]);
                level = TitleLevel.valueOf(parts.length == 2 ? parts[1] : "");
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("titleLevel", "Hãy chọn danh hiệu và cấp trong danh sách.");
            }
            rounds.setAuthority(new RoundRepository.AuthorityRow(title, level, fromYear, authority), user);
            redirect.addFlashAttribute(
                    "message", "Đã lưu thẩm quyền công nhận. Các đợt mở từ nay theo thẩm quyền mới.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/recognising-authorities";
    }

    private ImportPage importPage(long id) {
        return new ImportPage(
                "Đăng ký từ tệp danh sách",
                "/rounds/" + id + "/register",
                "dang-ky-dot-" + id,
                RegistrationImport.COLUMNS);
    }

    @GetMapping("/rounds/{id}/register/import")
    String importForm(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        user.requireImporter();
        rounds.get(id, user);
        return importPage(id).show(model, null);
    }

    @PostMapping("/rounds/{id}/register/import")
    String importFile(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String heldFile,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user,
            Model model)
            throws IOException {
        registrationImport.requireAllowed(id, user);
        return importPage(id)
                .upload(
                        file,
                        heldFile,
                        dryRun,
                        model,
                        held,
                        user,
                        (table, dry) -> registrationImport.run(id, table, user, dry));
    }

    /** The list to tick: the subjects of the user's place (of a village when chosen), registered ones ticked. */
    @GetMapping("/rounds/{id}/register/import/template.xlsx")
    void importTemplate(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String locality,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response)
            throws IOException {
        Round round = rounds.get(id, user);
        List<List<String>> rows = registrations.candidates(round, locality, user).stream()
                .map(c -> List.of(
                        String.valueOf(c.id()), c.name(), c.localityName(), c.registrationId() == null ? "" : "x"))
                .toList();
        importPage(id)
                .template(
                        response,
                        rows,
                        "Đợt",
                        List.of("Danh hiệu", "Năm", "Địa bàn"),
                        List.of(List.of(
                                round.title().label() + " · " + round.level().label(),
                                String.valueOf(round.year()),
                                round.localityName())));
    }

    private List<vn.khuyenhoc.locality.LocalityView> villages(Round round, SignedInUser user) {
        String code =
                user.scopePath().length() > round.localityPath().length() ? user.scopeCode() : round.localityCode();
        if (user.scopePath().split("\\.").length >= 3) {
            return List.of();
        }
        return localities
                .children(code, user, false, new PageQuery(0, PageQuery.MAX_SIZE))
                .items();
    }

    /** The part of the round the user sees: the whole round, or the user's own locality inside it. */
    static String within(Round round, SignedInUser user) {
        return round.heldBy(user) ? round.localityPath() : user.scopePath();
    }

    static List<Integer> years() {
        List<Integer> years = new java.util.ArrayList<>();
        for (int y = LocalDate.now().getYear() + 1; y >= ProgrammeYear.FIRST; y--) {
            years.add(y);
        }
        return years;
    }
}
