/**
 * What holds the product together: the database, security (with the public look-ups' rate limit), layout, the home
 * page and error pages.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "locality", "account"})
package vn.khuyenhoc.system;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
