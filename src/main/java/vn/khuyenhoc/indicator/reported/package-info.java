/**
 * Reported figures: the numbers of past paper reports for the years before the product (2021 until it is used), on
 * the current or the former map, their crosswalk onto today's communes and their overlay onto the indicators.
 */
@NullMarked
package vn.khuyenhoc.indicator.reported;

import org.jspecify.annotations.NullMarked;
