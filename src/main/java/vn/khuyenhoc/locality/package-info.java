/**
 * The administrative map: the province, its communes (xã, phường, đặc khu) and their villages (thôn, buôn, bon, tổ
 * dân phố, khu phố), with materialised paths for scope filtering and succession links for mergers.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit"})
package vn.khuyenhoc.locality;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
