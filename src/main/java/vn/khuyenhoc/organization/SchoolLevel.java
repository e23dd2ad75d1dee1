package vn.khuyenhoc.organization;

/** The level of a school. */
public enum SchoolLevel {
    PRESCHOOL("Mầm non"),
    PRIMARY("Tiểu học"),
    LOWER_SECONDARY("Trung học cơ sở"),
    UPPER_SECONDARY("Trung học phổ thông"),
    CONTINUING_EDUCATION("Giáo dục thường xuyên"),
    VOCATIONAL("Giáo dục nghề nghiệp"),
    HIGHER_EDUCATION("Cao đẳng, đại học");

    private final String label;

    SchoolLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
