package vn.khuyenhoc.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.criteria.Outcome;

/** A recognition decision of a round and the certificates it gave. */
record Decision(
        long id,
        long roundId,
        String number,
        LocalDate decidedOn,
        String signer,
        String signerTitle,
        String issuingBody,
        String place,
        String createdBy,
        List<Certificate> certificates) {

    /** A certificate: printed with its code and a QR code to {@code /verify/{code}}. */
    record Certificate(
            String code,
            long registrationId,
            String subjectName,
            String localityName,
            Outcome result,
            LocalDate validUntil,
            @Nullable LocalDate revokedOn,
            @Nullable String revokedReason) {

        public String status(LocalDate today) {
            if (revokedOn != null) {
                return "Đã bị thu hồi ngày " + Dates.day(revokedOn);
            }
            return today.isAfter(validUntil)
                    ? "Đã hết hạn ngày " + Dates.day(validUntil)
                    : "Còn hiệu lực đến " + Dates.day(validUntil);
        }
    }
}
