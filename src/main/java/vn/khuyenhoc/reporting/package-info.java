/**
 * Official reports (the association's six-monthly and annual reports, the annual review of the learning models, the
 * mid-term 2025 and final 2030 reviews) for any locality in scope, each cut by its period with its figures as of their
 * dates, issued as Nghị định 30/2020/NĐ-CP sets (number, date, issuing body, signer, recipients), as XLSX and PDF, built
 * from the same indicator tables as the dashboard and the API; long ones are generated in the background. Reads the
 * other modules only; writes only its own issuing defaults (audited).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit", "locality", "indicator"})
package vn.khuyenhoc.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
