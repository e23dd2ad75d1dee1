package vn.khuyenhoc.field;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.evaluation.AssessmentStage;
import vn.khuyenhoc.evaluation.Registration;
import vn.khuyenhoc.evaluation.RegistrationService;
import vn.khuyenhoc.family.FamilyForm;
import vn.khuyenhoc.family.FamilyService;
import vn.khuyenhoc.family.FamilyView;
import vn.khuyenhoc.field.FieldSubmissions.Kind;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.Sha256;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * Applies one queued change of a phone, once: a client id already applied answers what it answered the first time;
 * otherwise the registry's own service does the work (its rules, scope, deadlines and audit), and the answer is kept
 * in the same transaction. A change made on an older version than the server's is refused with the server's record,
 * so that the clerk chooses between the two.
 */
@Service
class FieldSync {

    /** The record was changed on the server since the phone read it: the server's version goes back to the clerk. */
    static class StaleRecord extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Object server;

        StaleRecord(String message, Object server) {
            super(message);
            this.server = server;
        }

        Object server() {
            return server;
        }
    }

    /** A registration as the phone needs it after a change. */
    record RegistrationState(
            long id,
            long roundId,
            long subjectId,
            String stage,
            @Nullable String result,
            int version) {

        static RegistrationState of(Registration r) {
            return new RegistrationState(
                    r.id(),
                    r.roundId(),
                    r.subjectId(),
                    r.stage().name(),
                    r.result() == null ? null : r.result().name(),
                    r.version());
        }
    }

    record Assessed(RegistrationService.AssessmentResult assessment, RegistrationState registration) {}

    record EvidenceAdded(long fileId, long registrationId, String itemCode) {}

    private final FieldSubmissions submissions;
    private final FamilyService families;
    private final RegistrationService registrations;
    private final JsonMapper json;

    FieldSync(
            FieldSubmissions submissions, FamilyService families, RegistrationService registrations, JsonMapper json) {
        this.submissions = submissions;
        this.families = families;
        this.registrations = registrations;
        this.json = json;
    }

    @Transactional
    String createFamily(UUID clientId, FamilyForm form, SignedInUser user) {
        return once(user, clientId, Kind.FAMILY_CREATE, form, () -> families.create(form, user));
    }

    @Transactional
    String updateFamily(UUID clientId, long id, FamilyForm form, SignedInUser user) {
        return once(user, clientId, Kind.FAMILY_UPDATE, List.of(id, form), () -> {
            FamilyView current = families.get(id, user);
            if (form.version() != null && form.version() != current.version()) {
                throw new StaleRecord(
                        "Hộ “" + current.headName() + "” đã được người khác sửa trong lúc bạn làm việc ngoài mạng.",
                        current);
            }
            return families.update(id, form, user);
        });
    }

    @Transactional
    String register(UUID clientId, long roundId, long familyId, SignedInUser user) {
        return once(user, clientId, Kind.REGISTER, List.of(roundId, familyId), () -> {
            List<Registration> made = registrations.register(roundId, List.of(familyId), user);
            return RegistrationState.of(made.get(0));
        });
    }

    @Transactional
    String assessSelf(UUID clientId, long registrationId, RegistrationService.AssessmentForm form, SignedInUser user) {
        return once(user, clientId, Kind.SELF_ASSESSMENT, List.of(registrationId, form), () -> {
            Registration current = registrations.get(registrationId, user);
            if (form.version() == null) {
                throw new InvalidInputException(
                        "version", "Thiếu phiên bản của hồ sơ mà điểm tự đánh giá dựa trên: hãy gửi kèm “version”.");
            }
            if (!Objects.equals(form.version(), current.version())) {
                throw new StaleRecord(
                        "Hồ sơ của " + current.subjectName() + " đã được người khác thay đổi trong lúc bạn làm việc"
                                + " ngoài mạng.",
                        RegistrationState.of(current));
            }
            var result = registrations.assess(registrationId, AssessmentStage.SELF, form, user);
            return new Assessed(result, RegistrationState.of(registrations.get(registrationId, user)));
        });
    }

    @Transactional
    String addEvidence(
            UUID clientId, long registrationId, @Nullable String itemCode, MultipartFile file, SignedInUser user) {
        String content;
        try {
            content = Sha256.hex(file.getBytes());
        } catch (IOException e) {
            throw new InvalidInputException("file", "Không đọc được tệp ảnh gửi lên; hãy gửi lại.");
        }
        return once(
                user,
                clientId,
                Kind.EVIDENCE,
                List.of(registrationId, Objects.requireNonNullElse(itemCode, ""), content),
                () -> {
                    try {
                        long fileId = registrations.addEvidence(registrationId, itemCode, file, user);
                        return new EvidenceAdded(fileId, registrationId, Objects.requireNonNullElse(itemCode, ""));
                    } catch (IOException e) {
                        throw new InvalidInputException("file", "Không đọc được tệp ảnh gửi lên; hãy gửi lại.");
                    }
                });
    }

    /**
     * Applies a change once per client id: a retry of the same change (same kind, target and content) gets the stored
     * answer; the same id with another change is refused, so that the second change is neither dropped nor answered
     * with the first one's result.
     */
    private String once(SignedInUser user, UUID clientId, Kind kind, Object what, Supplier<Object> change) {
        String fingerprint = fingerprint(kind, what);
        var before = submissions.applied(user.accountId(), clientId);
        if (before.isPresent()) {
            if (!fingerprint.equals(before.get().fingerprint())) {
                throw new ConflictException("Mã gửi (Idempotency-Key) " + clientId
                        + " đã được dùng cho một thay đổi khác: mỗi thay đổi cần một mã riêng.");
            }
            return before.get().result();
        }
        String answer = json.writeValueAsString(change.get());
        submissions.remember(user.accountId(), clientId, kind, fingerprint, answer);
        return answer;
    }

    private String fingerprint(Kind kind, Object what) {
        return Sha256.hex(kind.name() + ":" + json.writeValueAsString(what));
    }
}
