package vn.khuyenhoc.association.member;

/** A member's gender, as the association's reports count it. */
public enum Gender {
    MALE("Nam"),
    FEMALE("Nữ");

    private final String label;

    Gender(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
