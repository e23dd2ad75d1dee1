package vn.khuyenhoc.criteria;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;

/**
 * The draft editor's form: the set's fields, then its criteria and items as parallel columns (one table row each); a
 * row left blank is dropped, which is also how a row is deleted.
 */
record CriteriaSetForm(
        @Nullable String name,
        @Nullable String legalBasis,
        @Nullable LocalDate legalBasisDate,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable String note,
        @Nullable Integer minTotal,
        boolean allItemsMet,
        @Nullable Integer levelTwoMinTotal,
        @Nullable Integer validityYears,
        @Nullable List<String> criterionCode,
        @Nullable List<String> criterionName,
        @Nullable List<String> criterionMin,
        @Nullable List<String> itemCriterion,
        @Nullable List<String> itemCode,
        @Nullable List<String> itemName,
        @Nullable List<String> itemKind,
        @Nullable List<String> itemMax,
        @Nullable List<String> itemEvidence,
        @Nullable List<String> itemLevelTwo,
        int lockVersion,
        List<FieldProblem> unreadable) {

    /**
     * Reads the posted form. Not bound as a record: Spring splits a lone value at its commas when binding a list, and
     * item names have commas.
     */
    static CriteriaSetForm from(MultiValueMap<String, String> p) {
        List<FieldProblem> problems = new ArrayList<>();
        return new CriteriaSetForm(
                p.getFirst("name"),
                p.getFirst("legalBasis"),
                date(p.getFirst("legalBasisDate"), "legalBasisDate", problems),
                date(p.getFirst("validFrom"), "validFrom", problems),
                date(p.getFirst("validTo"), "validTo", problems),
                p.getFirst("note"),
                number(p.getFirst("minTotal"), "Tổng điểm tối thiểu", problems),
                "true".equals(p.getFirst("allItemsMet")),
                number(p.getFirst("levelTwoMinTotal"), "Điểm tối thiểu mức độ 2", problems),
                number(p.getFirst("validityYears"), "Thời hạn công nhận", problems),
                column(p, "criterionCode", "criterionCode"),
                column(p, "criterionName", "criterionCode"),
                column(p, "criterionMin", "criterionCode"),
                column(p, "itemCriterion", "itemCode"),
                column(p, "itemCode", "itemCode"),
                column(p, "itemName", "itemCode"),
                column(p, "itemKind", "itemCode"),
                column(p, "itemMax", "itemCode"),
                column(p, "itemEvidence", "itemCode"),
                column(p, "itemLevelTwo", "itemCode"),
                java.util.Objects.requireNonNullElse(number(p.getFirst("lockVersion"), "Phiên bản", problems), -1),
                problems);
    }

    /** A column of the table, as long as its key column (a value left out reads as blank), so rows stay aligned. */
    private static List<String> column(MultiValueMap<String, String> p, String name, String key) {
        List<String> values = new ArrayList<>(p.getOrDefault(name, List.of()));
        int rows = p.getOrDefault(key, List.of()).size();
        while (values.size() < rows) {
            values.add("");
        }
        return values.subList(0, rows);
    }

    private static @Nullable LocalDate date(@Nullable String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new FieldProblem(field, "Ngày không hợp lệ: " + text + "."));
            return null;
        }
    }

    static CriteriaSetForm of(CriteriaSet s) {
        List<CriteriaSet.Item> items = s.items();
        List<String> owners = new ArrayList<>();
        s.criteria().forEach(c -> c.items().forEach(i -> owners.add(c.code())));
        return new CriteriaSetForm(
                s.name(),
                s.legalBasis(),
                s.legalBasisDate(),
                s.validFrom(),
                s.validTo(),
                s.note(),
                s.rule().minTotal(),
                s.rule().allItemsMet(),
                s.rule().levelTwoMinTotal(),
                s.validityYears(),
                s.criteria().stream().map(CriteriaSet.Criterion::code).toList(),
                s.criteria().stream().map(CriteriaSet.Criterion::name).toList(),
                s.criteria().stream()
                        .map(c -> c.minPoints() == null ? "" : c.minPoints().toString())
                        .toList(),
                owners,
                items.stream().map(CriteriaSet.Item::code).toList(),
                items.stream().map(CriteriaSet.Item::name).toList(),
                items.stream().map(i -> i.kind().name()).toList(),
                items.stream()
                        .map(i -> i.maxPoints() == null ? "" : i.maxPoints().toString())
                        .toList(),
                items.stream().map(i -> String.valueOf(i.evidenceRequired())).toList(),
                items.stream().map(i -> String.valueOf(i.levelTwoOnly())).toList(),
                s.lockVersion(),
                List.of());
    }

    /** The content the form describes, for the draft {@code current}; {@link CriteriaSet#check} follows. */
    CriteriaSet content(CriteriaSet current) {
        List<FieldProblem> problems = new ArrayList<>(unreadable);
        Map<String, String> criterionNames = new LinkedHashMap<>();
        Map<String, @Nullable Integer> minimums = new LinkedHashMap<>();
        for (int i = 0; i < size(criterionCode); i++) {
            String code = CriteriaService.clean(at(criterionCode, i));
            String cname = CriteriaService.clean(at(criterionName, i));
            if (code.isEmpty() && cname.isEmpty()) {
                continue;
            }
            if (criterionNames.containsKey(code)) {
                problems.add(new FieldProblem("criteria", "Mã tiêu chí “" + code + "” bị trùng."));
            }
            criterionNames.put(code, cname);
            minimums.put(code, number(at(criterionMin, i), "Điểm tối thiểu của tiêu chí " + code, problems));
        }
        Map<String, List<CriteriaSet.Item>> items = new LinkedHashMap<>();
        criterionNames.keySet().forEach(c -> items.put(c, new ArrayList<>()));
        for (int i = 0; i < size(itemCode); i++) {
            String code = CriteriaService.clean(at(itemCode, i));
            String iname = CriteriaService.clean(at(itemName, i));
            if (code.isEmpty() && iname.isEmpty()) {
                continue;
            }
            String owner = CriteriaService.clean(at(itemCriterion, i));
            if (!items.containsKey(owner)) {
                problems.add(new FieldProblem(
                        "criteria", "Mục " + code + " thuộc tiêu chí “" + owner + "” không có trong bộ."));
                continue;
            }
            CriteriaSet.ItemKind kind =
                    "POINTS".equals(at(itemKind, i)) ? CriteriaSet.ItemKind.POINTS : CriteriaSet.ItemKind.PASS_FAIL;
            Integer max = kind == CriteriaSet.ItemKind.POINTS
                    ? number(at(itemMax, i), "Điểm tối đa của mục " + code, problems)
                    : null;
            items.get(owner)
                    .add(new CriteriaSet.Item(
                            code,
                            iname,
                            kind,
                            max,
                            "true".equals(at(itemEvidence, i)),
                            "true".equals(at(itemLevelTwo, i))));
        }
        if (validFrom == null) {
            problems.add(new FieldProblem("validFrom", "Hãy nhập ngày bộ tiêu chí có hiệu lực."));
        }
        if (validityYears == null) {
            problems.add(new FieldProblem("validityYears", "Hãy nhập thời hạn công nhận (năm)."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<CriteriaSet.Criterion> criteria = criterionNames.entrySet().stream()
                .map(e -> new CriteriaSet.Criterion(
                        e.getKey(), e.getValue(), minimums.get(e.getKey()), items.get(e.getKey())))
                .toList();
        return new CriteriaSet(
                current.id(),
                current.title(),
                current.level(),
                CriteriaService.clean(name),
                CriteriaService.clean(legalBasis),
                legalBasisDate,
                current.version(),
                validFrom,
                validTo,
                current.status(),
                vn.khuyenhoc.shared.VietnameseText.clean(note),
                new CriteriaSet.Rule(minTotal, allItemsMet, levelTwoMinTotal),
                validityYears,
                criteria,
                current.clonedFrom(),
                current.lockVersion());
    }

    private static int size(@Nullable List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static @Nullable String at(@Nullable List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }

    private static @Nullable Integer number(@Nullable String text, String what, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("criteria", what + " phải là số nguyên (đã nhập “" + text + "”)."));
            return null;
        }
    }
}
