package vn.khuyenhoc.criteria;

import java.util.List;

/** The four titles of the learning models (danh hiệu), QĐ 387/QĐ-TTg. */
public enum Title {
    LEARNING_FAMILY("Gia đình học tập", List.of(TitleLevel.HOUSEHOLD)),
    LEARNING_CLAN("Dòng họ học tập", List.of(TitleLevel.CLAN)),
    LEARNING_COMMUNITY("Cộng đồng học tập", List.of(TitleLevel.VILLAGE, TitleLevel.COMMUNE)),
    LEARNING_UNIT("Đơn vị học tập", List.of(TitleLevel.COMMUNE_MANAGED, TitleLevel.PROVINCE_MANAGED));

    private final String label;
    private final List<TitleLevel> levels;

    Title(String label, List<TitleLevel> levels) {
        this.label = label;
        this.levels = levels;
    }

    public String label() {
        return label;
    }

    /** The levels at which the title is given; the first is the usual one. */
    public List<TitleLevel> levels() {
        return levels;
    }

    public TitleLevel defaultLevel() {
        return levels.get(0);
    }

    public boolean has(TitleLevel level) {
        return levels.contains(level);
    }
}
