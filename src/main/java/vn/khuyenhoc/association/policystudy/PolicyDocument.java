package vn.khuyenhoc.association.policystudy;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A document studied in sessions (chỉ thị, kết luận, quyết định, kế hoạch), from the maintained list. */
public record PolicyDocument(
        String code, String number, String title, @Nullable LocalDate issuedOn, boolean active) {}
