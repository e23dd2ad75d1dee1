/**
 * Accounts: sign-in (throttled), password rules, sessions that follow their account, roles, and the scope (a locality
 * subtree) every account is bound to.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit", "locality"})
package vn.khuyenhoc.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
