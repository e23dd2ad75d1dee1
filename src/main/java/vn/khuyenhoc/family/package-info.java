/** Households, the candidates for Gia đình học tập: minimal personal data, every list view and export logged. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit", "locality"})
package vn.khuyenhoc.family;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
