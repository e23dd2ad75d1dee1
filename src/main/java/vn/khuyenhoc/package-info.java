/** Khuyến Học Số: the information system of the lifelong-learning movement of one province. */
@NullMarked
package vn.khuyenhoc;

import org.jspecify.annotations.NullMarked;
