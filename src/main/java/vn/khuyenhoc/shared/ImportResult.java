package vn.khuyenhoc.shared;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

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

    /** Saves one data row, adding its problems to {@code errors} or throwing them as an {@link InvalidInputException}. */
    @FunctionalInterface
    public interface RowSaver {
        void save(TabularFile.TabularRow row, ImportColumns columns, List<RowError> errors);
    }

    /**
     * An import that saves row by row through the same service calls as the form, inside the caller's transaction,
     * which is marked for rollback unless the whole file is valid and it is not a dry run (all or nothing).
     */
    public static ImportResult ofRows(
            TabularFile file, List<ImportColumns.Column> known, boolean dryRun, RowSaver saver) {
        List<RowError> errors = new ArrayList<>();
        ImportColumns columns = ImportColumns.of(known, file, errors);
        List<TabularFile.TabularRow> rows = ImportColumns.dataRows(file);
        int saved = 0;
        for (TabularFile.TabularRow row : errors.isEmpty() ? rows : List.<TabularFile.TabularRow>of()) {
            int before = errors.size();
            try {
                saver.save(row, columns, errors);
            } catch (InvalidInputException e) {
                e.problems()
                        .forEach(p -> errors.add(new RowError(row.number(), columns.header(p.field()), p.message())));
            }
            if (errors.size() == before) {
                saved++;
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(1, "", "Tệp không có dòng dữ liệu nào."));
        }
        boolean valid = errors.isEmpty();
        if (!valid || dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new ImportResult(valid, rows.size(), errors, 0);
        }
        return new ImportResult(true, rows.size(), errors, saved);
    }

    /** A problem of one cell, named as a person sees it in the spreadsheet. */
    public record RowError(int row, String column, String message) {}
}
