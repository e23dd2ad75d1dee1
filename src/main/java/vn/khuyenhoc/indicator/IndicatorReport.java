package vn.khuyenhoc.indicator;

import java.util.List;

/** Every indicator of a locality and year, as the API answers it. */
public record IndicatorReport(String locality, String localityName, int year, List<Indicator> indicators) {}
