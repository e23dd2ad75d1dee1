package vn.khuyenhoc.audit;

/** One field of a record before and after a change, as the audit pages show it: a Vietnamese name and plain values. */
public record FieldChange(String field, String label, String before, String after) {}
