/**
 * Official reports (the association's six-monthly and annual reports, the annual review of the learning models, the
 * mid-term 2025 and final 2030 reviews) for any locality and period in scope, as XLSX and PDF, built from the same
 * indicator tables as the dashboard and the API; long ones are generated in the background. Reads only.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit", "locality", "indicator"})
package vn.khuyenhoc.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
