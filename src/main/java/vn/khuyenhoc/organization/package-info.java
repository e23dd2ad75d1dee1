/** Agencies, schools, public service units, enterprises, cooperatives and armed-forces units: candidates for Đơn vị học tập. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit", "locality"})
package vn.khuyenhoc.organization;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
