/** Indicators computed from the records, the plans' targets, and the coverage page; later issues add plans and reports. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit", "locality", "association", "evaluation"})
package vn.khuyenhoc.indicator;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
