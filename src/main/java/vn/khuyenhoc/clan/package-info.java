/** Clans, hometown associations and religious establishments: candidates for Dòng họ học tập. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit", "locality"})
package vn.khuyenhoc.clan;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
