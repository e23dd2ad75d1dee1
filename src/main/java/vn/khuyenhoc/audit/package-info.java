/**
 * The audit trail: who wrote what and when, with old and new values, and who viewed or exported a personal list.
 * Every other module writes to it, so it sits below all of them.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "shared")
package vn.khuyenhoc.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
