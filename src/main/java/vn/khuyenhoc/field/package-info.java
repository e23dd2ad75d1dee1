/**
 * The offline field app of a village clerk: its page, the bundle of the scope's households and open rounds that the
 * phone keeps, and the endpoints that apply the phone's queued changes once, through the registries' own services.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit", "locality", "family", "evaluation", "criteria"})
package vn.khuyenhoc.field;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
