package vn.khuyenhoc.criteria;

/** What the decision rule says of a scored subject: not met, met (sets without levels), or met at level 1 or 2. */
public enum Outcome {
    FAIL("Chưa đạt"),
    PASS("Đạt"),
    LEVEL_1("Đạt mức độ 1"),
    LEVEL_2("Đạt mức độ 2");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean passed() {
        return this != FAIL;
    }
}
