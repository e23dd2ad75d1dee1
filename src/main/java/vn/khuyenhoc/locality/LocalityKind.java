package vn.khuyenhoc.locality;

/** A kind of locality within a level (xã, phường, thôn, buôn…), kept as data in {@code locality_kinds}. */
public record LocalityKind(String code, LocalityLevel level, String label) {}
