package vn.khuyenhoc.association.policystudy;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/** The maintained list of policy documents: seeded with the programme's documents, extended by administrators. */
@Service
class PolicyDocuments {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    PolicyDocuments(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<PolicyDocument> all() {
        return jdbc.sql("select code, number, title, issued_on, active from policy_documents"
                        + " order by issued_on nulls last, number")
                .query(PolicyDocument.class)
                .list();
    }

    /**
     * The codes of the documents named in a form or a request, by code ("CT-11-TW") or by number ("Chỉ thị
     * 11-CT/TW"), in the order given and each once; an unknown or retired document is refused naming it.
     */
    @Transactional(readOnly = true)
    List<String> require(@Nullable List<String> named, String field) {
        if (named == null || named.isEmpty()) {
            throw new InvalidInputException(field, "Hãy chọn ít nhất một văn bản được học tập, quán triệt.");
        }
        List<PolicyDocument> known = all();
        Set<String> codes = new LinkedHashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : named) {
            String folded = VietnameseText.fold(name);
            known.stream()
                    .filter(PolicyDocument::active)
                    .filter(d -> d.code().equalsIgnoreCase(VietnameseText.cleanOrEmpty(name))
                            || VietnameseText.fold(d.number()).equals(folded))
                    .findFirst()
                    .ifPresentOrElse(
                            d -> codes.add(d.code()),
                            () -> problems.add(new FieldProblem(
                                    field, "Không có văn bản “" + name + "” trong danh mục văn bản học tập.")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return List.copyOf(codes);
    }

    record Draft(
            @Nullable String number,
            @Nullable String title,
            @Nullable LocalDate issuedOn) {}

    /** A province administrator adds a document; its code is made from its number. */
    @Transactional
    PolicyDocument add(Draft draft, SignedInUser user) {
        user.requireProvinceAdministrator();
        String number = VietnameseText.cleanOrEmpty(draft.number());
        String title = VietnameseText.cleanOrEmpty(draft.title());
        List<FieldProblem> problems = new ArrayList<>();
        if (number.isEmpty() || number.length() > 60) {
            problems.add(new FieldProblem("number", "Số, ký hiệu văn bản phải có, tối đa 60 ký tự."));
        }
        if (title.isEmpty() || title.length() > 300) {
            problems.add(new FieldProblem("title", "Trích yếu phải có, tối đa 300 ký tự."));
        }
        if (draft.issuedOn() != null && draft.issuedOn().isAfter(LocalDate.now())) {
            problems.add(new FieldProblem("issuedOn", "Ngày ban hành không được sau hôm nay."));
        }
        String code = code(number);
        if (problems.isEmpty()
                && all().stream()
                        .anyMatch(d -> d.code().equals(code) || d.number().equals(number))) {
            problems.add(new FieldProblem("number", "Văn bản “" + number + "” đã có trong danh mục."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PolicyDocument added = new PolicyDocument(code, number, title, draft.issuedOn(), true);
        jdbc.sql(
                        "insert into policy_documents (code, number, title, issued_on) values (:code, :number, :title, :issuedOn)")
                .param("code", code)
                .param("number", number)
                .param("title", title)
                .param("issuedOn", draft.issuedOn())
                .update();
        audit.recordChange("CREATE", "policy-document", code, null, added, user.scopePath());
        return added;
    }

    /** "Chỉ thị 05-CT/TW" → "CHI-THI-05-CT-TW": the letters and digits of the number without diacritics. */
    static String code(String number) {
        String ascii = Normalizer.normalize(number.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return ascii.length() > 40 ? ascii.substring(0, 40) : ascii;
    }
}
