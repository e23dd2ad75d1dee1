package vn.khuyenhoc.association.member;

/** Hội viên or cán bộ hội; an officer also has a position (chủ tịch, phó chủ tịch, ủy viên…). */
public enum MemberRole {
    MEMBER("Hội viên"),
    OFFICER("Cán bộ hội");

    private final String label;

    MemberRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
