package vn.khuyenhoc.association;

/** The forms a study-promotion unit takes. */
public enum ChapterKind {
    CHI_HOI("Chi hội khuyến học"),
    BAN_KHUYEN_HOC("Ban khuyến học"),
    TO_KHUYEN_HOC("Tổ khuyến học");

    private final String label;

    ChapterKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
