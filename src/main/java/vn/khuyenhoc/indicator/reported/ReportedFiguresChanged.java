package vn.khuyenhoc.indicator.reported;

/** Reported figures of a year were entered, imported or shared anew: indicator tables of that year are stale. */
public record ReportedFiguresChanged(int year) {}
