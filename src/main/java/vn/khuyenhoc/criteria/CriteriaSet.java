package vn.khuyenhoc.criteria;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;

/**
 * A criteria set: its title and level, legal basis, edition ({@code version}), validity, status, the tree of criteria
 * and items, and the decision rule. A draft is changed by {@link #revise}; a set in force only retires, so that every
 * round keeps the rules it was run with. {@link #score} applies the rule to the scores of one subject.
 */
public record CriteriaSet(
        @Nullable Long id,
        Title title,
        TitleLevel level,
        String name,
        String legalBasis,
        @Nullable LocalDate legalBasisDate,
        int version,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        CriteriaStatus status,
        @Nullable String note,
        Rule rule,
        int validityYears,
        List<Criterion> criteria,
        @Nullable Long clonedFrom,
        int lockVersion) {

    public enum ItemKind {
        POINTS,
        PASS_FAIL
    }

    /** An item is scored in points up to {@code maxPoints} or as met / not met; level-two items count only for level 2. */
    public record Item(
            String code,
            String name,
            ItemKind kind,
            @Nullable Integer maxPoints,
            boolean evidenceRequired,
            boolean levelTwoOnly) {}

    /** A criterion groups items; {@code minPoints} is the least its points items must add up to (none: no minimum). */
    public record Criterion(
            String code, String name, @Nullable Integer minPoints, List<Item> items) {

        int maxPoints() {
            return items.stream()
                    .filter(i -> i.kind() == ItemKind.POINTS && i.maxPoints() != null)
                    .mapToInt(Item::maxPoints)
                    .sum();
        }
    }

    /**
     * The decision rule. Every pass/fail item must be met (level-two items only for level 2); {@code minTotal} is the
     * least total of points; {@code allItemsMet} also asks every points item to score above zero; a set with
     * level-two items or a {@code levelTwoMinTotal} recognises at level 1 or level 2 instead of plain “met”.
     */
    public record Rule(
            @Nullable Integer minTotal,
            boolean allItemsMet,
            @Nullable Integer levelTwoMinTotal) {}

    /** The checked scores of one subject, the total of points, what the rule says and why it failed. */
    public record Scoring(
            Map<String, Object> scores, @Nullable Integer total, Outcome result, List<String> reasons) {}

    public boolean hasLevels() {
        return rule.levelTwoMinTotal() != null || items().stream().anyMatch(Item::levelTwoOnly);
    }

    public List<Item> items() {
        return criteria.stream().flatMap(c -> c.items().stream()).toList();
    }

    public boolean hasPoints() {
        return items().stream().anyMatch(i -> i.kind() == ItemKind.POINTS);
    }

    public int maxTotal() {
        return criteria.stream().mapToInt(Criterion::maxPoints).sum();
    }

    public String label() {
        return title.label() + " · " + level.label() + " · " + legalBasis + " (lần " + version + ")";
    }

    public boolean validIn(int year) {
        return validFrom.getYear() <= year && (validTo == null || validTo.getYear() >= year);
    }

    /**
     * Checks the scores of every item against the set and applies the rule. {@code raw} maps an item code to a number
     * of points or to true/false (strings "true", "false", "1", "0", "x" are accepted from forms and files); an item
     * missing, out of range, or a code the set does not have is an error naming the item.
     */
    public Scoring score(Map<String, ?> raw) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Item> byCode = new LinkedHashMap<>();
        items().forEach(i -> byCode.put(i.code(), i));
        raw.keySet().stream()
                .filter(code -> !byCode.containsKey(code))
                .forEach(code ->
                        problems.add(new FieldProblem("scores." + code, "Bộ tiêu chí không có mục “" + code + "”.")));
        Map<String, Object> scores = new LinkedHashMap<>();
        for (Item item : byCode.values()) {
            Object value = raw.get(item.code());
            String field = "scores." + item.code();
            if (value == null || (value instanceof String s && s.isBlank())) {
                problems.add(new FieldProblem(field, "Chưa chấm mục " + item.code() + " (" + item.name() + ")."));
            } else if (item.kind() == ItemKind.POINTS) {
                Integer points = points(value);
                int max = item.maxPoints() == null ? 0 : item.maxPoints();
                if (points == null || points < 0 || points > max) {
                    problems.add(new FieldProblem(
                            field, "Điểm mục " + item.code() + " phải là số nguyên từ 0 đến " + max + "."));
                } else {
                    scores.put(item.code(), points);
                }
            } else {
                Boolean met = met(value);
                if (met == null) {
                    problems.add(new FieldProblem(field, "Mục " + item.code() + " chỉ ghi đạt hoặc chưa đạt."));
                } else {
                    scores.put(item.code(), met);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return decide(scores);
    }

    private Scoring decide(Map<String, Object> scores) {
        List<String> reasons = new ArrayList<>();
        Integer total = hasPoints() ? 0 : null;
        for (Criterion criterion : criteria) {
            int sum = 0;
            for (Item item : criterion.items()) {
                Object value = scores.get(item.code());
                if (item.kind() == ItemKind.POINTS) {
                    int points = (Integer) value;
                    sum += points;
                    if (rule.allItemsMet() && points == 0 && !item.levelTwoOnly()) {
                        reasons.add("Mục " + item.code() + " không có điểm.");
                    }
                } else if (!item.levelTwoOnly() && !Boolean.TRUE.equals(value)) {
                    reasons.add("Chưa đạt mục " + item.code() + ".");
                }
            }
            if (criterion.minPoints() != null && sum < criterion.minPoints()) {
                reasons.add("Tiêu chí " + criterion.code() + " được " + sum + " điểm, dưới mức tối thiểu "
                        + criterion.minPoints() + ".");
            }
            if (total != null) {
                total += sum;
            }
        }
        if (rule.minTotal() != null && total != null && total < rule.minTotal()) {
            reasons.add("Tổng " + total + " điểm, dưới mức " + rule.minTotal() + " điểm.");
        }
        if (!reasons.isEmpty()) {
            return new Scoring(scores, total, Outcome.FAIL, reasons);
        }
        if (!hasLevels()) {
            return new Scoring(scores, total, Outcome.PASS, List.of());
        }
        boolean levelTwo = (rule.levelTwoMinTotal() == null || (total != null && total >= rule.levelTwoMinTotal()))
                && items().stream()
                        .filter(Item::levelTwoOnly)
                        .allMatch(i -> i.kind() == ItemKind.POINTS
                                ? !rule.allItemsMet() || (Integer) scores.get(i.code()) > 0
                                : Boolean.TRUE.equals(scores.get(i.code())));
        return new Scoring(scores, total, levelTwo ? Outcome.LEVEL_2 : Outcome.LEVEL_1, List.of());
    }

    private static @Nullable Integer points(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Number n) {
            return n.doubleValue() == Math.rint(n.doubleValue()) ? n.intValue() : null;
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Boolean met(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (value.toString().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "x", "đạt", "co", "có" -> true;
            case "false", "0", "không", "khong", "chưa đạt" -> false;
            default -> null;
        };
    }

    /** A draft with new content: the same identity and status; checked before anything is saved. */
    CriteriaSet revise(CriteriaSet content, int expectedLockVersion) {
        if (status != CriteriaStatus.DRAFT) {
            throw new ConflictException(
                    "Bộ tiêu chí “" + name + "” " + status.label().toLowerCase(java.util.Locale.ROOT)
                            + ": không sửa được. Hãy nhân bản thành phiên bản mới rồi sửa bản nháp.");
        }
        if (expectedLockVersion != lockVersion) {
            throw new ConflictException(
                    "Bộ tiêu chí vừa được người khác sửa. Hãy tải lại trang để xem bản mới rồi sửa lại.");
        }
        content.check();
        return new CriteriaSet(
                id,
                title,
                level,
                content.name(),
                content.legalBasis(),
                content.legalBasisDate(),
                version,
                content.validFrom(),
                content.validTo(),
                status,
                content.note(),
                content.rule(),
                content.validityYears(),
                content.criteria(),
                clonedFrom,
                lockVersion);
    }

    CriteriaSet publish() {
        if (status != CriteriaStatus.DRAFT) {
            throw new ConflictException("Chỉ ban hành được bản nháp.");
        }
        check();
        return withStatus(CriteriaStatus.IN_FORCE);
    }

    CriteriaSet retire() {
        if (status != CriteriaStatus.IN_FORCE) {
            throw new ConflictException("Chỉ thôi áp dụng được bộ tiêu chí đang áp dụng.");
        }
        return withStatus(CriteriaStatus.RETIRED);
    }

    /** A new draft with the same content, numbered {@code edition}, to be changed and issued in its place. */
    CriteriaSet cloneAs(int edition) {
        return new CriteriaSet(
                null,
                title,
                level,
                name,
                legalBasis,
                legalBasisDate,
                edition,
                validFrom,
                validTo,
                CriteriaStatus.DRAFT,
                note,
                rule,
                validityYears,
                criteria,
                id,
                0);
    }

    private CriteriaSet withStatus(CriteriaStatus newStatus) {
        return new CriteriaSet(
                id,
                title,
                level,
                name,
                legalBasis,
                legalBasisDate,
                version,
                validFrom,
                validTo,
                newStatus,
                note,
                rule,
                validityYears,
                criteria,
                clonedFrom,
                lockVersion);
    }

    /** Whether the set is whole: names, unique codes, a maximum for each points item, reachable minimums. */
    void check() {
        List<FieldProblem> problems = new ArrayList<>();
        if (!title.has(level)) {
            problems.add(
                    new FieldProblem("level", "Danh hiệu " + title.label() + " không có cấp “" + level.label() + "”."));
        }
        if (name.isBlank()) {
            problems.add(new FieldProblem("name", "Hãy nhập tên bộ tiêu chí."));
        }
        if (legalBasis.isBlank()) {
            problems.add(new FieldProblem("legalBasis", "Hãy nhập số hiệu văn bản làm căn cứ."));
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            problems.add(new FieldProblem("validTo", "Ngày hết hiệu lực phải sau ngày có hiệu lực."));
        }
        if (validityYears < 1 || validityYears > 10) {
            problems.add(new FieldProblem("validityYears", "Thời hạn công nhận từ 1 đến 10 năm."));
        }
        if (criteria.isEmpty() || items().isEmpty()) {
            problems.add(new FieldProblem("criteria", "Bộ tiêu chí cần ít nhất một tiêu chí có một mục."));
        }
        Set<String> codes = new HashSet<>();
        for (Criterion c : criteria) {
            if (c.code().isBlank() || c.name().isBlank()) {
                problems.add(new FieldProblem("criteria", "Mỗi tiêu chí cần mã và tên."));
            }
            if (c.items().isEmpty()) {
                problems.add(new FieldProblem("criteria", "Tiêu chí " + c.code() + " chưa có mục nào."));
            }
            if (c.minPoints() != null && c.minPoints() > c.maxPoints()) {
                problems.add(new FieldProblem(
                        "criteria",
                        "Tiêu chí " + c.code() + ": điểm tối thiểu " + c.minPoints() + " lớn hơn tổng điểm các mục ("
                                + c.maxPoints() + ")."));
            }
            for (Item i : c.items()) {
                if (!i.code().matches("[0-9A-Za-z.\\-]{1,20}") || !codes.add(i.code())) {
                    problems.add(new FieldProblem(
                            "criteria", "Mã mục “" + i.code() + "” trống, sai dạng hoặc trùng với mục khác."));
                }
                if (i.name().isBlank()) {
                    problems.add(new FieldProblem("criteria", "Mục " + i.code() + " chưa có tên."));
                }
                if (i.kind() == ItemKind.POINTS
                        && (i.maxPoints() == null || i.maxPoints() < 1 || i.maxPoints() > 1000)) {
                    problems.add(new FieldProblem(
                            "criteria", "Mục " + i.code() + " chấm điểm cần điểm tối đa từ 1 đến 1000."));
                }
                if (i.kind() == ItemKind.PASS_FAIL && i.maxPoints() != null) {
                    problems.add(
                            new FieldProblem("criteria", "Mục " + i.code() + " đạt/không đạt không có điểm tối đa."));
                }
            }
        }
        if (rule.minTotal() != null && rule.minTotal() > maxTotal()) {
            problems.add(new FieldProblem(
                    "minTotal",
                    "Tổng điểm tối thiểu " + rule.minTotal() + " lớn hơn tổng điểm tối đa (" + maxTotal() + ")."));
        }
        if (rule.levelTwoMinTotal() != null
                && (rule.levelTwoMinTotal() > maxTotal()
                        || (rule.minTotal() != null && rule.levelTwoMinTotal() < rule.minTotal()))) {
            problems.add(new FieldProblem(
                    "levelTwoMinTotal",
                    "Điểm tối thiểu mức độ 2 phải từ mức đạt đến tổng điểm tối đa (" + maxTotal() + ")."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
