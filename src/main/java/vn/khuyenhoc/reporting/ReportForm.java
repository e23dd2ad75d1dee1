package vn.khuyenhoc.reporting;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The report form: which report, where, which year, in which format, and how it is issued (number, date, issuing body,
 * signer, recipients one per line); {@code remember} keeps the issuing fields as the defaults of the kind and locality.
 */
record ReportForm(
        @Nullable String kind,
        @Nullable String locality,
        @Nullable Integer year,
        @Nullable String format,
        @Nullable String number,
        @Nullable String date,
        @Nullable String issuingBody,
        @Nullable String superiorBody,
        @Nullable String place,
        @Nullable String signerTitle,
        @Nullable String signerName,
        @Nullable String recipients,
        @Nullable Boolean remember,
        @Nullable String map) {

    /** A new form of a kind for a locality, filled with its defaults and dated today. */
    static ReportForm of(ReportKind kind, String locality, ReportIssuer defaults, LocalDate today) {
        return new ReportForm(
                kind.code(),
                locality,
                null,
                "pdf",
                "",
                today.toString(),
                defaults.issuingBody(),
                defaults.superiorBody(),
                defaults.place(),
                defaults.signerTitle(),
                defaults.signerName(),
                String.join("\n", defaults.recipients()),
                true,
                "");
    }

    /** Whether to keep the issuing fields as the defaults (an unticked box sends nothing). */
    public boolean remembered() {
        return Boolean.TRUE.equals(remember);
    }

    /** The recipients typed, one per line (none typed: the defaults). */
    @Nullable
    List<String> recipientList() {
        return recipients == null ? null : Arrays.asList(recipients.split("\\R"));
    }
}
