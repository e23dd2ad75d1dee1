package vn.khuyenhoc.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khuyenhoc.criteria.CriteriaSet.Criterion;
import vn.khuyenhoc.criteria.CriteriaSet.Item;
import vn.khuyenhoc.criteria.CriteriaSet.ItemKind;
import vn.khuyenhoc.criteria.CriteriaSet.Rule;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.InvalidInputException;

/** The decision rules, without Spring: points with minimums, all items met, and the level ladder. */
class CriteriaSetTests {

    /** Two criteria of 50 points each (25 + 25), at least 80 in total and at least 1 in each criterion. */
    static CriteriaSet points() {
        return set(
                new Rule(80, false, null),
                List.of(
                        new Criterion("1", "Trẻ em", 1, List.of(points("1.1", 25), points("1.2", 25))),
                        new Criterion("2", "Người lớn", 1, List.of(points("2.1", 25), points("2.2", 25)))));
    }

    /** Pass/fail items; 2.2 counts only for level 2. */
    static CriteriaSet ladder() {
        return set(
                new Rule(null, true, null),
                List.of(
                        new Criterion("TC1", "Điều kiện", null, List.of(passFail("1.1", false))),
                        new Criterion(
                                "TC2", "Hiệu quả", null, List.of(passFail("2.1", false), passFail("2.2", true)))));
    }

    @Test
    void passesWithTheMinimumTotalAndEveryCriterionAboveItsMinimum() {
        CriteriaSet.Scoring scoring = points().score(Map.of("1.1", 20, "1.2", 20, "2.1", 20, "2.2", 20));

        assertThat(scoring.result()).isEqualTo(Outcome.PASS);
        assertThat(scoring.total()).isEqualTo(80);
    }

    @Test
    void failsWhenACriterionIsAtZeroEvenWithEnoughPoints() {
        CriteriaSet.Scoring scoring = points().score(Map.of("1.1", 25, "1.2", 25, "2.1", 0, "2.2", 0));

        assertThat(scoring.result()).isEqualTo(Outcome.FAIL);
        assertThat(scoring.reasons()).anySatisfy(r -> assertThat(r).contains("Tiêu chí 2 được 0 điểm"));
        assertThat(scoring.reasons()).anySatisfy(r -> assertThat(r).contains("Tổng 50 điểm, dưới mức 80"));
    }

    @Test
    void refusesPointsOutsideTheItemsRangeAndNamesEachItem() {
        Map<String, Object> scores = new HashMap<>(Map.of("1.1", 26, "1.2", -1, "2.1", "mười", "2.2", 10.5));

        assertThatThrownBy(() -> points().score(scores))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("scores.1.1", "scores.1.2", "scores.2.1", "scores.2.2"))
                .hasMessageContaining("từ 0 đến 25");
    }

    @Test
    void refusesAMissingItemAndACodeTheSetDoesNotHave() {
        assertThatThrownBy(() -> points().score(Map.of("1.1", 20, "1.2", 20, "2.1", 20, "9.9", 5)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Chưa chấm mục 2.2")
                .hasMessageContaining("không có mục “9.9”");
    }

    @Test
    void levelTwoNeedsTheLevelTwoItemsToo() {
        assertThat(ladder().score(Map.of("1.1", true, "2.1", true, "2.2", false))
                        .result())
                .isEqualTo(Outcome.LEVEL_1);
        assertThat(ladder().score(Map.of("1.1", "true", "2.1", "1", "2.2", "x")).result())
                .isEqualTo(Outcome.LEVEL_2);
        assertThat(ladder().score(Map.of("1.1", false, "2.1", true, "2.2", true))
                        .result())
                .isEqualTo(Outcome.FAIL);
    }

    @Test
    void aSetInForceIsNeverRevisedButCanBeClonedIntoADraft() {
        CriteriaSet inForce = points().publish();

        assertThatThrownBy(() -> inForce.revise(points(), 0)).isInstanceOf(ConflictException.class);
        CriteriaSet draft = inForce.cloneAs(2);
        assertThat(draft.status()).isEqualTo(CriteriaStatus.DRAFT);
        assertThat(draft.version()).isEqualTo(2);
        assertThat(draft.criteria()).isEqualTo(inForce.criteria());
    }

    @Test
    void aDraftWithAnUnreachableMinimumIsRefused() {
        CriteriaSet unreachable = set(new Rule(120, false, null), points().criteria());

        assertThatThrownBy(unreachable::check).hasMessageContaining("lớn hơn tổng điểm tối đa (100)");
    }

    private static CriteriaSet set(Rule rule, List<Criterion> criteria) {
        return new CriteriaSet(
                7L,
                Title.LEARNING_FAMILY,
                TitleLevel.HOUSEHOLD,
                "Thử",
                "QĐ thử",
                null,
                1,
                LocalDate.of(2021, 1, 1),
                null,
                CriteriaStatus.DRAFT,
                null,
                rule,
                1,
                criteria,
                null,
                0);
    }

    private static Item points(String code, int max) {
        return new Item(code, "Mục " + code, ItemKind.POINTS, max, false, false);
    }

    private static Item passFail(String code, boolean levelTwoOnly) {
        return new Item(code, "Mục " + code, ItemKind.PASS_FAIL, null, false, levelTwoOnly);
    }
}
