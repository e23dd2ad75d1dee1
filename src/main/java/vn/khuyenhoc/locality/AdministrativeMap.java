package vn.khuyenhoc.locality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * Loads the deployment's province and its communes from the national list of 2025 (all 34 provinces ship in
 * {@code data/vn-administrative-units-2025.csv}). Runs at every start and inserts only what is missing: one query
 * finds the map complete at every start after the first, and the first inserts the communes in one batch.
 */
@Component
@Order(10)
class AdministrativeMap implements ApplicationRunner {

    static final String SOURCE = "data/vn-administrative-units-2025.csv";
    /** The two-tier local government took effect on this day (Luật Tổ chức chính quyền địa phương 2025). */
    static final LocalDate REFORM_DATE = LocalDate.of(2025, 7, 1);

    private static final Logger log = LoggerFactory.getLogger(AdministrativeMap.class);
    private static final Map<String, String> COMMUNE_KINDS =
            Map.of("xa", "XA", "phuong", "PHUONG", "dac_khu", "DAC_KHU");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final String provinceCode;

    AdministrativeMap(
            JdbcClient jdbc,
            JdbcTemplate batch,
            TransactionTemplate transactions,
            AuditTrail audit,
            @Value("${khuyenhoc.province-code:66}") String provinceCode) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = transactions;
        this.audit = audit;
        this.provinceCode = provinceCode.strip();
    }

    record Row(String provinceCode, String provinceName, String code, String name, String type) {}

    @Override
    public void run(ApplicationArguments args) {
        List<Row> rows = read().stream()
                .filter(row -> row.provinceCode().equals(provinceCode))
                .toList();
        if (rows.isEmpty()) {
            throw new IllegalStateException(
                    "khuyenhoc.province-code=" + provinceCode + " names no province of " + SOURCE + " (Đắk Lắk is 66)");
        }
        Integer inserted = transactions.execute(status -> load(rows));
        if (inserted != null && inserted > 0) {
            log.info("Loaded {} localities of {} ({}).", inserted, rows.get(0).provinceName(), provinceCode);
        }
    }

    private int load(List<Row> rows) {
        List<String> codes = new ArrayList<>();
        codes.add(provinceCode);
        rows.forEach(row -> codes.add(row.code()));
        long present = jdbc.sql("select count(*) from localities where code in (:codes)")
                .param("codes", codes)
                .query(Long.class)
                .single();
        if (present == codes.size()) {
            return 0;
        }
        String provinceName = rows.get(0).provinceName();
        int inserted = jdbc.sql("""
                        insert into localities (code, name, level, kind, valid_from)
                        values (:code, :name, 'PROVINCE', :kind, :from)
                        on conflict (code) do nothing
                        """)
                .param("code", provinceCode)
                .param("name", provinceName)
                .param("kind", provinceName.startsWith("Thành phố") ? "THANH_PHO_TW" : "TINH")
                .param("from", REFORM_DATE)
                .update();
        long provinceId = jdbc.sql("select id from localities where code = :code")
                .param("code", provinceCode)
                .query(Long.class)
                .single();
        List<Object[]> communes = new ArrayList<>();
        for (Row row : rows) {
            String kind = COMMUNE_KINDS.get(row.type());
            if (kind == null) {
                throw new IllegalStateException("Unknown unit_type " + row.type() + " in " + SOURCE);
            }
            communes.add(new Object[] {row.code(), row.name(), kind, provinceId, REFORM_DATE});
        }
        inserted += IntStream.of(batch.batchUpdate("""
                        insert into localities (code, name, level, kind, parent_id, valid_from)
                        values (?, ?, 'COMMUNE', ?, ?, ?)
                        on conflict (code) do nothing
                        """, communes)).sum();
        if (inserted > 0) {
            String path = jdbc.sql("select path::text from localities where id = :id")
                    .param("id", provinceId)
                    .query(String.class)
                    .single();
            audit.recordChange("LOAD_MAP", "locality", provinceCode, null, new Loaded(SOURCE, inserted), path);
        }
        return inserted;
    }

    record Loaded(String source, int localities) {}

    static List<Row> read() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(SOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(",", -1))
                    .map(f -> new Row(
                            f[0], VietnameseText.cleanOrEmpty(f[1]), f[2], VietnameseText.cleanOrEmpty(f[3]), f[4]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
