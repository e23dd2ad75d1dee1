package vn.khuyenhoc.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
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
     * Checks one data row: answers what to save, or adds its problems to {@code errors} (or throws them as an {@link
     * InvalidInputException}) and answers null.
     */
    @FunctionalInterface
    public interface RowChecker<T> {
        @Nullable
        T check(TabularFile.TabularRow row, ImportColumns columns, List<RowError> errors);
    }

    /**
     * An import that saves row by row through the same service calls as the form, inside the caller's transaction,
     * which is marked for rollback unless the whole file is valid and it is not a dry run (all or nothing).
     */
    public static ImportResult ofRows(
            TabularFile file, List<ImportColumns.Column> known, boolean dryRun, RowSaver saver) {
        Checked<Boolean> checked = check(file, known, (row, columns, errors) -> {
            saver.save(row, columns, errors);
            return Boolean.TRUE;
        });
        boolean valid = checked.errors().isEmpty();
        if (!valid || dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new ImportResult(valid, checked.rows(), checked.errors(), 0);
        }
        return new ImportResult(
                true, checked.rows(), checked.errors(), checked.accepted().size());
    }

    /** An import that checks every row first and hands the checked rows to {@code save} only if all are valid. */
    public static <T> ImportResult ofCheckedRows(
            TabularFile file,
            List<ImportColumns.Column> known,
            boolean dryRun,
            RowChecker<T> checker,
            Consumer<List<T>> save) {
        Checked<T> checked = check(file, known, checker);
        boolean valid = checked.errors().isEmpty();
        if (!valid || dryRun) {
            return new ImportResult(valid, checked.rows(), checked.errors(), 0);
        }
        save.accept(checked.accepted());
        return new ImportResult(
                true, checked.rows(), checked.errors(), checked.accepted().size());
    }

    private record Checked<T>(int rows, List<RowError> errors, List<T> accepted) {}

    /** Reads the header, checks every data row (none when the header is wrong), and names an empty file. */
    private static <T> Checked<T> check(TabularFile file, List<ImportColumns.Column> known, RowChecker<T> checker) {
        List<RowError> errors = new ArrayList<>();
        ImportColumns columns = ImportColumns.of(known, file, errors);
        List<TabularFile.TabularRow> rows = columns.dataRows(file);
        List<T> accepted = new ArrayList<>();
        for (TabularFile.TabularRow row : errors.isEmpty() ? rows : List.<TabularFile.TabularRow>of()) {
            int before = errors.size();
            T value = null;
            try {
                value = checker.check(row, columns, errors);
            } catch (InvalidInputException e) {
                e.problems()
                        .forEach(p -> errors.add(new RowError(row.number(), columns.header(p.field()), p.message())));
            }
            if (errors.size() == before && value != null) {
                accepted.add(value);
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(1, "", "Tệp không có dòng dữ liệu nào."));
        }
        return new Checked<>(rows.size(), errors, accepted);
    }

    /** A problem of one cell, named as a person sees it in the spreadsheet. */
    public record RowError(int row, String column, String message) {}
}
