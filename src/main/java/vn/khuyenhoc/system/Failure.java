package vn.khuyenhoc.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What the user is told when the database refuses or cannot serve a request: a race lost to another person (409,
 * naming the record) or a database that is busy or unreachable (503, try again in a few seconds). Anything else is a
 * defect and stays a 500.
 */
record Failure(HttpStatus status, String title, String detail) {

    /** Seconds a client should wait before trying again after a 503. */
    static final int RETRY_AFTER_SECONDS = 5;

    static final Failure UNAVAILABLE = new Failure(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Hệ thống đang bận",
            "Hệ thống đang quá tải hoặc tạm mất kết nối cơ sở dữ liệu. Dữ liệu của bạn chưa được lưu; hãy thử lại sau "
                    + RETRY_AFTER_SECONDS + " giây.");

    private static final String CHANGED = "Dữ liệu vừa thay đổi";

    /** Unique constraints and indexes, by name, as a person would understand the duplicate. */
    private static final Map<String, String> DUPLICATES = Map.ofEntries(
            Map.entry("accounts_username_key", "Tên đăng nhập này đã có người dùng."),
            Map.entry(
                    "registrations_title_year_subject_id_key",
                    "Đối tượng này đã được đăng ký danh hiệu này trong năm (có thể do một người khác vừa đăng ký)."),
            Map.entry("decisions_round_id_number_key", "Số quyết định này đã được dùng trong đợt."),
            Map.entry(
                    "rounds_title_level_year_locality_id_key",
                    "Địa bàn này đã có đợt công nhận danh hiệu này trong năm."),
            Map.entry("certificates_registration_id_key", "Hồ sơ này đã được cấp giấy công nhận."),
            Map.entry("certificates_pkey", "Mã giấy công nhận bị trùng; hãy thử lại."),
            Map.entry("chapters_one_per_village", "Thôn này đã có chi hội đang hoạt động."),
            Map.entry("chapters_one_per_organization", "Cơ quan, đơn vị này đã có chi hội đang hoạt động."),
            Map.entry("chapters_one_per_clan", "Dòng họ này đã có chi hội đang hoạt động."),
            Map.entry("members_once_per_chapter", "Người này đã là hội viên của chi hội."),
            Map.entry("localities_current_name_uq", "Đã có địa bàn cùng tên trong cùng đơn vị hành chính."),
            Map.entry("localities_code_key", "Mã địa bàn này đã có."),
            Map.entry("criteria_sets_title_level_edition_key", "Bộ tiêu chí này đã có lần ban hành (phiên bản) đó."),
            Map.entry("policy_documents_number_key", "Số hiệu văn bản này đã có trong danh mục."),
            Map.entry("policy_documents_pkey", "Mã văn bản này đã có trong danh mục."));

    /** The failure that {@code error} (or one of its causes) stands for, if it is one of ours to explain. */
    static Optional<Failure> of(@Nullable Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DuplicateKeyException duplicate) {
                return Optional.of(duplicate(duplicate));
            }
            if (t instanceof OptimisticLockingFailureException) {
                return Optional.of(new Failure(
                        HttpStatus.CONFLICT,
                        CHANGED,
                        "Bản ghi vừa được người khác sửa. Hãy tải lại trang để xem bản mới nhất rồi sửa lại."));
            }
            if (t instanceof ConcurrencyFailureException) {
                // deadlocks and serialisation failures: nothing was saved, and the same request will usually pass
                return Optional.of(new Failure(
                        HttpStatus.CONFLICT,
                        CHANGED,
                        "Có người khác đang sửa cùng dữ liệu. Chưa lưu gì; hãy thử lại."));
            }
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof QueryTimeoutException
                    || t instanceof SQLTransientConnectionException
                    || (t instanceof TransactionSystemException && unreachable(t.getCause()))
                    || (t instanceof SQLException sql && unreachable(sql))) {
                return Optional.of(UNAVAILABLE);
            }
        }
        return Optional.empty();
    }

    private static Failure duplicate(DuplicateKeyException e) {
        String constraint = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                constraint = psql.getServerErrorMessage().getConstraint();
            }
        }
        String detail = constraint == null ? null : DUPLICATES.get(constraint);
        return new Failure(
                HttpStatus.CONFLICT,
                "Dữ liệu bị trùng",
                detail != null ? detail : "Bản ghi này đã có (có thể do một người khác vừa lưu). Hãy tải lại trang.");
    }

    /** SQLState class 08: the connection failed or was lost; 57P: the server is shutting down or restarting. */
    private static boolean unreachable(@Nullable Throwable t) {
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            return sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P");
        }
        return false;
    }
}
