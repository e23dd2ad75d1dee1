package vn.khuyenhoc.association;

/** What hosts a chapter: KH 102 counts coverage separately for each. */
public enum HostType {
    VILLAGE("Thôn, tổ dân phố"),
    ORGANIZATION("Cơ quan, đơn vị"),
    CLAN("Dòng họ, cơ sở tôn giáo");

    private final String label;

    HostType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
