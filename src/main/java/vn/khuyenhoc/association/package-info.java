/**
 * The Study Promotion Association (Hội Khuyến học): its chapters, boards and groups hosted by villages,
 * organizations and clans, whether each ran the lifelong-learning movement in a year, and the coverage that follows.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit", "locality", "organization", "clan"})
package vn.khuyenhoc.association;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
