package vn.khuyenhoc.criteria;

/**
 * The level at which a title is given: a learning community of a village or of a whole commune (TT 20/2023), a learning
 * unit managed by the commune or by the province (TT 24/2023). Families and clans have one level each.
 */
public enum TitleLevel {
    HOUSEHOLD("Hộ gia đình"),
    CLAN("Dòng họ, hội đồng hương, cơ sở tôn giáo"),
    VILLAGE("Thôn, buôn, tổ dân phố"),
    COMMUNE("Cấp xã"),
    COMMUNE_MANAGED("Đơn vị do xã quản lý"),
    PROVINCE_MANAGED("Đơn vị do tỉnh quản lý");

    private final String label;

    TitleLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
