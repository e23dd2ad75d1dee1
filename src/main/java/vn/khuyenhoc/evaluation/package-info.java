/**
 * The yearly recognition cycle of the learning models: rounds, registrations, assessments with evidence, review and
 * appraisal, recognition decisions, certificates with their public verification, and the funnel and rates that follow.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit", "locality", "criteria", "family", "clan", "organization"})
package vn.khuyenhoc.evaluation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
