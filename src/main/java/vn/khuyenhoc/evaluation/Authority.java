package vn.khuyenhoc.evaluation;

import java.util.Locale;

/**
 * Who recognises a title (domain guide §5): the chairman of the commune's or the province's People's Committee, or the
 * director of the provincial Department of Education and Training. Gives the heading and signature of a decision.
 */
public enum Authority {
    COMMUNE_CHAIR("Chủ tịch UBND xã", "CHỦ TỊCH", "QĐ-UBND"),
    PROVINCE_CHAIR("Chủ tịch UBND tỉnh", "CHỦ TỊCH", "QĐ-UBND"),
    PROVINCE_EDUCATION("Giám đốc Sở Giáo dục và Đào tạo", "GIÁM ĐỐC", "QĐ-SGDĐT");

    private final String label;
    private final String signerTitle;
    private final String symbol;

    Authority(String label, String signerTitle, String symbol) {
        this.label = label;
        this.signerTitle = signerTitle;
        this.symbol = symbol;
    }

    public String label() {
        return label;
    }

    public String signerTitle() {
        return signerTitle;
    }

    /** The symbol after the number of a decision: 12/QĐ-UBND. */
    public String symbol() {
        return symbol;
    }

    /** Who signed, as a sentence names them: “Chủ tịch Ủy ban nhân dân Phường Buôn Ma Thuột”. */
    public String phrase(String localityName, String provinceName) {
        return switch (this) {
            case COMMUNE_CHAIR -> "Chủ tịch Ủy ban nhân dân " + localityName;
            case PROVINCE_CHAIR -> "Chủ tịch Ủy ban nhân dân " + provinceName;
            case PROVINCE_EDUCATION -> "Giám đốc Sở Giáo dục và Đào tạo " + provinceName;
        };
    }

    /** The issuing body as printed at the top left of a decision, from the name of the round's locality. */
    public String issuingBody(String localityName, String provinceName) {
        return switch (this) {
            case COMMUNE_CHAIR -> "ỦY BAN NHÂN DÂN " + localityName.toUpperCase(Locale.forLanguageTag("vi"));
            case PROVINCE_CHAIR -> "ỦY BAN NHÂN DÂN " + provinceName.toUpperCase(Locale.forLanguageTag("vi"));
            case PROVINCE_EDUCATION ->
                "SỞ GIÁO DỤC VÀ ĐÀO TẠO " + provinceName.toUpperCase(Locale.forLanguageTag("vi"));
        };
    }
}
