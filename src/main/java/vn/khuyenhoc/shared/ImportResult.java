package vn.khuyenhoc.shared;

import java.util.List;

/**
 * What an import answers: whether the whole file is valid, how many data rows it has, every problem with its row and
 * column, and how many records were saved (zero for a dry run or an invalid file).
 */
public record ImportResult(boolean valid, int rows, List<RowError> errors, int saved) {

    /** A problem of one cell, named as a person sees it in the spreadsheet. */
    public record RowError(int row, String column, String message) {}
}
