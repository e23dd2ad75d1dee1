package vn.khuyenhoc.evaluation;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.criteria.CriteriaService;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/** Recognition decisions, the certificates they give, and revocation. */
@Service
class DecisionService {

    static final String ENTITY = "decision";
    static final int MAX_SUBJECTS = 5_000;

    /** Letters and digits that cannot be mistaken for one another when typed from paper (no I, O, 0, 1). */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a decision is made of. */
    record DecisionForm(
            @Nullable String number,
            @Nullable LocalDate date,
            @Nullable String signer,
            @Nullable List<Long> registrationIds) {}

    private final DecisionRepository decisions;
    private final RegistrationRepository registrations;
    private final RoundService rounds;
    private final CriteriaService criteria;
    private final AuditTrail audit;

    DecisionService(
            DecisionRepository decisions,
            RegistrationRepository registrations,
            RoundService rounds,
            CriteriaService criteria,
            AuditTrail audit) {
        this.decisions = decisions;
        this.registrations = registrations;
        this.rounds = rounds;
        this.criteria = criteria;
        this.audit = audit;
    }

    /**
     * Records a decision recognising appraised, passed registrations of the round, and gives each a certificate valid to
     * the end of the criteria set's validity. A subject not appraised as passed, a number used already, a date after
     * the round's decision deadline or in the future: refused, nothing saved.
     */
    @Transactional
    Decision decide(long roundId, DecisionForm form, SignedInUser user) {
        Round round = rounds.get(roundId, user);
        requireDecider(round, user);
        List<FieldProblem> problems = new ArrayList<>();
        String number = VietnameseText.cleanOrEmpty(form.number());
        if (number.isEmpty()) {
            problems.add(new FieldProblem("number", "Hãy nhập số quyết định."));
        } else if (number.matches("[0-9]+")) {
            number = number + "/" + round.authority().symbol();
        }
        if (number.length() > 40) {
            problems.add(new FieldProblem("number", "Số quyết định dài quá 40 ký tự."));
        }
        LocalDate date = form.date();
        if (date == null) {
            problems.add(new FieldProblem("date", "Hãy nhập ngày ký quyết định."));
        } else if (date.isAfter(LocalDate.now())) {
            problems.add(new FieldProblem("date", "Ngày ký không được sau hôm nay."));
        } else if (date.getYear() < round.year()) {
            problems.add(new FieldProblem("date", "Ngày ký phải trong năm " + round.year() + " trở đi."));
        }
        String signer = VietnameseText.cleanOrEmpty(form.signer());
        if (signer.isEmpty() || signer.length() > 120) {
            problems.add(new FieldProblem("signer", "Hãy nhập họ tên người ký (tối đa 120 ký tự)."));
        }
        Set<Long> ids = new LinkedHashSet<>(form.registrationIds() == null ? List.of() : form.registrationIds());
        ids.remove(null);
        if (ids.isEmpty()) {
            problems.add(new FieldProblem("registrationIds", "Hãy chọn các đối tượng được công nhận."));
        } else if (ids.size() > MAX_SUBJECTS) {
            problems.add(new FieldProblem("registrationIds", "Một quyết định tối đa " + MAX_SUBJECTS + " đối tượng."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (date.isAfter(round.schedule().decision())) {
            throw new ConflictException("Ngày ký " + Dates.day(date) + " sau hạn ra quyết định của đợt ("
                    + Dates.day(round.schedule().decision()) + "). Cán bộ của " + round.localityName()
                    + " cần gia hạn đợt trước.");
        }
        String provinceName = decisions.provinceName(round.localityPath());
        String issuingBody = round.authority().issuingBody(round.localityName(), provinceName);
        if (decisions.numberTaken(issuingBody, date.getYear(), number)) {
            throw new ConflictException(
                    issuingBody + " đã có quyết định số " + number + " năm " + date.getYear() + ".");
        }
        List<Registration> chosen = registrations.findAll(roundId, List.copyOf(ids), user.scopePath());
        Set<Long> found = new HashSet<>();
        chosen.forEach(r -> found.add(r.id()));
        ids.stream()
                .filter(id -> !found.contains(id))
                .forEach(id -> problems.add(new FieldProblem(
                        "registrationIds", "Hồ sơ số " + id + " không thuộc đợt này hoặc ngoài phạm vi của bạn.")));
        chosen.stream()
                .filter(r -> !r.recognisable())
                .forEach(r -> problems.add(new FieldProblem(
                        "registrationIds",
                        r.subjectName() + " (" + r.localityName() + ") chưa được thẩm định đạt: đang ở bước “"
                                + r.stage().label() + "”.")));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = decisions.insert(
                roundId,
                number,
                date,
                signer,
                round.authority().signerTitle(),
                issuingBody,
                place(round.localityName()),
                user.getUsername());
        LocalDate validUntil = validUntil(round);
        List<String> codes = chosen.stream().map(r -> newCode()).toList();
        decisions.recognise(id, chosen.stream().map(Registration::recognised).toList(), codes, validUntil);
        Decision decision = get(id, user);
        audit.recordChange(
                "CREATE",
                ENTITY,
                String.valueOf(id),
                null,
                Map.of(
                        "round",
                        roundId,
                        "number",
                        number,
                        "date",
                        date,
                        "signer",
                        signer,
                        "registrations",
                        chosen.stream().map(Registration::id).toList(),
                        "certificates",
                        codes),
                round.localityPath());
        return decision;
    }

    /**
     * A decision opened to be read or printed. Its list of households is personal data: each opening is in the audit
     * trail with what was done with it ({@code purpose}: VIEW, DOCUMENT, CERTIFICATES).
     */
    @Transactional
    Decision open(long id, String purpose, SignedInUser user) {
        Decision decision = get(id, user);
        Round round = rounds.get(decision.roundId(), user);
        if (round.level() == vn.khuyenhoc.criteria.TitleLevel.HOUSEHOLD) {
            audit.recordAccess(
                    purpose,
                    ENTITY,
                    Map.of(
                            "decision",
                            id,
                            "certificates",
                            decision.certificates().size()),
                    RoundController.within(round, user));
        }
        return decision;
    }

    @Transactional(readOnly = true)
    Decision get(long id, SignedInUser user) {
        Decision decision =
                decisions.find(id).orElseThrow(() -> new NotFoundException("Không tìm thấy quyết định số " + id + "."));
        Round round = rounds.get(decision.roundId(), user);
        if (!round.heldBy(user)) {
            // a village clerk sees the certificates of the village, not the whole decision
            return new Decision(
                    decision.id(),
                    decision.roundId(),
                    decision.number(),
                    decision.decidedOn(),
                    decision.signer(),
                    decision.signerTitle(),
                    decision.issuingBody(),
                    decision.place(),
                    decision.createdBy(),
                    visible(decision.certificates(), user));
        }
        return decision;
    }

    private List<Decision.Certificate> visible(List<Decision.Certificate> certificates, SignedInUser user) {
        return certificates.stream()
                .filter(c -> decisions
                        .certificate(c.code())
                        .map(l -> l.localityPath().equals(user.scopePath())
                                || l.localityPath().startsWith(user.scopePath() + "."))
                        .orElse(false))
                .toList();
    }

    @Transactional(readOnly = true)
    List<Decision> ofRound(long roundId, SignedInUser user) {
        rounds.get(roundId, user);
        return decisions.ofRound(roundId);
    }

    /** A certificate in the user's scope. */
    @Transactional(readOnly = true)
    DecisionRepository.Located certificate(String code, SignedInUser user) {
        String normal = code.trim().toUpperCase(Locale.ROOT);
        return decisions
                .certificate(normal)
                .filter(l -> l.localityPath().equals(user.scopePath())
                        || l.localityPath().startsWith(user.scopePath() + "."))
                .orElseThrow(() -> new NotFoundException("Không tìm thấy giấy chứng nhận mã " + normal + "."));
    }

    /** What a certificate is printed with: its decision (without the others) and round. */
    record Printable(Decision decision, Round round, Decision.Certificate certificate) {}

    @Transactional(readOnly = true)
    Printable printable(String code, SignedInUser user) {
        DecisionRepository.Located located = certificate(code, user);
        Decision decision = decisions.header(located.decisionId()).orElseThrow();
        return new Printable(decision, rounds.get(decision.roundId(), user), located.certificate());
    }

    @Transactional
    void revoke(String code, @Nullable String reason, SignedInUser user) {
        DecisionRepository.Located located = certificate(code, user);
        Round round = rounds.get(located.roundId(), user);
        requireDecider(round, user);
        String why = VietnameseText.cleanOrEmpty(reason);
        if (why.isEmpty() || why.length() > 1000) {
            throw new InvalidInputException("reason", "Hãy ghi lý do thu hồi (tối đa 1.000 ký tự).");
        }
        if (located.certificate().revokedOn() != null) {
            throw new ConflictException(
                    "Giấy chứng nhận " + located.certificate().code() + " đã bị thu hồi.");
        }
        Registration registration = registrations
                .find(located.certificate().registrationId(), user.scopePath())
                .orElseThrow(() -> new NotFoundException("Không tìm thấy hồ sơ của giấy chứng nhận."));
        registrations.update(registration.revoked());
        decisions.revoke(located.certificate().code(), LocalDate.now(), why, user.getUsername());
        audit.recordChange(
                "REVOKE",
                "certificate",
                located.certificate().code(),
                null,
                Map.of("reason", why),
                located.localityPath());
    }

    @Transactional(readOnly = true)
    java.util.Optional<DecisionRepository.Verification> verify(String code) {
        String normal = code.trim().toUpperCase(Locale.ROOT);
        if (!normal.matches("[A-Z2-9]{10}")) {
            return java.util.Optional.empty();
        }
        return decisions.verification(normal);
    }

    private static void requireDecider(Round round, SignedInUser user) {
        if (!user.canDecide() || !round.heldBy(user)) {
            throw new AccessDeniedException("Quyết định công nhận do văn phòng "
                    + round.authority().label() + " (" + round.localityName() + ") ghi.");
        }
    }

    /** The place name of a dateline: the locality's name without “Xã”, “Phường” or “Tỉnh”. */
    static String place(String localityName) {
        return localityName.replaceFirst("^(Xã|Phường|Đặc khu|Tỉnh|Thành phố) ", "");
    }

    static String newCode() {
        char[] code = new char[10];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    /** The last day the round's certificates are valid: the end of the criteria set's validity, counted from its year. */
    LocalDate validUntil(Round round) {
        int validityYears = criteria.get(round.criteriaSetId()).validityYears();
        return LocalDate.of(round.year() + validityYears - 1, 12, 31);
    }
}
