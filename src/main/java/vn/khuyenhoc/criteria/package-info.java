/**
 * Versioned criteria sets of the four learning models and their decision rules: which items are scored, how, and what
 * total, minimum or level a subject needs to be recognised.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit"})
package vn.khuyenhoc.criteria;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
