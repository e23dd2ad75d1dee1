package vn.khuyenhoc.indicator;

import java.time.LocalDate;
import java.util.List;

/** Every indicator of a locality and year, counted on the records as they stood on {@code asOf}, as the API answers it. */
public record IndicatorReport(
        String locality, String localityName, int year, LocalDate asOf, List<Indicator> indicators) {}
