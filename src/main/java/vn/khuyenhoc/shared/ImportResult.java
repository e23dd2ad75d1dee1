package vn.khuyenhoc.shared;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What an import answers: whether the whole file is valid, how many data rows it has, every problem with its row and
 * column, how many records were saved (zero for a dry run or an invalid file), and warnings about rows that are
 * valid but look like records already kept (a registry saves those only when the user confirms).
 */
public record ImportResult(boolean valid, int rows, List<RowError> errors, int saved, List<RowError> warnings) {

    public ImportResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public ImportResult(boolean valid, int rows, List<RowError> errors, int saved) {
        this(valid, rows, errors, saved, List.of());
    }

    /** A valid file that was not saved because of its warnings: the user has to confirm them first. */
    public boolean awaitsConfirmation(boolean dryRun) {
        return valid && !dryRun && saved == 0 && !warnings.isEmpty();
    }

    /**
     * The API's answer: 200 for a dry run or a saved file, 422 for an invalid file (nothing saved), 409 for a valid
     * one whose warnings were not confirmed (nothing saved).
     */
    public ResponseEntity<ImportResult> answer(boolean dryRun) {
        HttpStatus status = awaitsConfirmation(dryRun)
                ? HttpStatus.CONFLICT
                : valid || dryRun ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT;
        return ResponseEntity.status(status).body(this);
    }

    /** A problem of one cell, named as a person sees it in the spreadsheet. */
    public record RowError(int row, String column, String message) {}
}
