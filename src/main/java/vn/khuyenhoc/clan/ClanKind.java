package vn.khuyenhoc.clan;

/** KH 102 counts the three kinds together for the coverage of study-promotion boards. */
public enum ClanKind {
    CLAN("Dòng họ"),
    HOMETOWN_ASSOCIATION("Hội đồng hương"),
    RELIGIOUS_ESTABLISHMENT("Cơ sở tôn giáo");

    private final String label;

    ClanKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
