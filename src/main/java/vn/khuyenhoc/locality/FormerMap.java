package vn.khuyenhoc.locality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Loads the map the 2025 reform replaced: the former provinces, their districts and communes, valid until 30/6/2025,
 * each former commune linked to the commune(s) it became part of on 1/7/2025 and each former province to the province.
 * The file ({@code data/dak-lak-2025-predecessors.csv}) lists the province's communes with the units each was formed
 * from. Runs after {@link AdministrativeMap} at every start and inserts only what is missing: two counts find the map
 * complete at every start after the first (it used to take some 1,800 statements), and the first inserts in batches.
 *
 * <p>The former units have no national code in the file, so their codes are made from their names, which do not
 * change any more: the former province's national code with a {@code C} ("cũ") in front ({@code C66} Đắk Lắk,
 * {@code C54} Phú Yên), then each level's kind abbreviation and name without diacritics, joined by dots:
 * {@code C66.TP-BUON-MA-THUOT.P-TAN-LOI}, {@code C54.H-PHU-HOA.X-HOA-AN}, {@code C66.H-KRONG-PAC.TT-PHUOC-AN}.
 */
@Component
@Order(11)
class FormerMap implements ApplicationRunner {

    /** The former maps shipped with the product, by the deployment's province code. */
    static final Map<String, String> SOURCES = Map.of("66", "data/dak-lak-2025-predecessors.csv");
    /** The programme QĐ 387/QĐ-TTg starts in 2021: the former map is kept for 2021 to 30/6/2025. */
    static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 1);

    static final LocalDate LAST_DAY = AdministrativeMap.REFORM_DATE.minusDays(1);

    // valid_to is the first day a locality no longer exists, as for a retired or merged village: 1/7/2025

    /** National codes of the provinces before 2025 (Quyết định 124/2004/QĐ-TTg). */
    private static final Map<String, String> FORMER_PROVINCE_CODES = Map.of("tinh dak lak", "66", "tinh phu yen", "54");

    private static final Logger log = LoggerFactory.getLogger(FormerMap.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final String provinceCode;

    FormerMap(
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

    /** One line of the file: a commune of today and one unit it was formed from. */
    record Row(String communeCode, String communeName, String formerProvince, String district, String formerCommune) {}

    /** A unit of the former map with its code, as it is inserted. */
    record Unit(String code, String name, LocalityLevel level, String kind, String parentCode) {}

    @Override
    public void run(ApplicationArguments args) {
        String source = SOURCES.get(provinceCode);
        if (source == null) {
            return;
        }
        List<Row> rows = read(source);
        Integer inserted = transactions.execute(status -> load(rows, source));
        if (inserted != null && inserted > 0) {
            log.info("Loaded {} localities and successions of the map before 1/7/2025.", inserted);
        }
    }

    private int load(List<Row> rows, String source) {
        Map<String, Unit> units = units(rows);
        // predecessor code -> successor code, each pair once
        Set<List<String>> successions = new LinkedHashSet<>();
        for (Unit unit : units.values()) {
            if (unit.level() == LocalityLevel.PROVINCE) {
                successions.add(List.of(unit.code(), provinceCode));
            }
        }
        for (Row row : rows) {
            successions.add(List.of(communeCode(row), row.communeCode()));
        }
        if (complete(units.keySet(), successions.size())) {
            return 0;
        }
        Map<String, Long> current = new HashMap<>();
        jdbc.sql("select code, id from localities where former_map = false and level in ('PROVINCE', 'COMMUNE')")
                .query((rs, n) -> current.put(rs.getString(1), rs.getLong(2)))
                .list();
        if (!current.containsKey(provinceCode)) {
            throw new IllegalStateException("Province " + provinceCode + " is not loaded");
        }
        for (Row row : rows) {
            if (!current.containsKey(row.communeCode())) {
                throw new IllegalStateException("Commune " + row.communeCode() + " of " + source + " is not loaded");
            }
        }
        // parents first (units is in that order): each statement of the batch sees the rows of the ones before
        List<Object[]> localities = units.values().stream()
                .map(unit -> new Object[] {
                    unit.code(),
                    unit.name(),
                    unit.level().name(),
                    unit.kind(),
                    unit.parentCode(),
                    FIRST_DAY,
                    AdministrativeMap.REFORM_DATE
                })
                .toList();
        int inserted = IntStream.of(batch.batchUpdate("""
                        insert into localities (code, name, level, kind, parent_id, valid_from, valid_to, former_map)
                        values (?, ?, ?, ?, (select id from localities where code = ?), ?, ?, true)
                        on conflict (code) do nothing
                        """, localities)).sum();
        List<Object[]> pairs = successions.stream()
                .map(pair -> new Object[] {
                    AdministrativeMap.REFORM_DATE, "Sắp xếp đơn vị hành chính từ 01/7/2025", pair.get(0), pair.get(1)
                })
                .toList();
        inserted += IntStream.of(batch.batchUpdate("""
                        insert into locality_successions (predecessor_id, successor_id, effective_on, note)
                        select p.id, s.id, ?, ? from localities p, localities s where p.code = ? and s.code = ?
                        on conflict do nothing
                        """, pairs)).sum();
        Long province = current.get(provinceCode);
        if (inserted > 0) {
            String path = jdbc.sql("select path::text from localities where id = :id")
                    .param("id", province)
                    .query(String.class)
                    .single();
            audit.recordChange(
                    "LOAD_FORMER_MAP",
                    "locality",
                    provinceCode,
                    null,
                    new AdministrativeMap.Loaded(source, inserted),
                    path);
        }
        return inserted;
    }

    /** Whether every former unit and at least as many successions as the file makes are there (two counts). */
    private boolean complete(Set<String> codes, int successions) {
        List<String> list = List.copyOf(codes);
        long units = jdbc.sql("select count(*) from localities where former_map and code in (:codes)")
                .param("codes", list)
                .query(Long.class)
                .single();
        if (units < codes.size()) {
            return false;
        }
        long links = jdbc.sql("""
                        select count(*) from locality_successions s join localities p on p.id = s.predecessor_id
                        where p.former_map and p.code in (:codes)
                        """).param("codes", list).query(Long.class).single();
        return links >= successions;
    }

    /** The former provinces, districts and communes in parent-first order, each once, with their codes. */
    static Map<String, Unit> units(List<Row> rows) {
        Map<String, Unit> units = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Row row : rows) {
            String province = provinceCode(row.formerProvince());
            add(units, names, new Unit(province, row.formerProvince(), LocalityLevel.PROVINCE, "TINH", ""));
            String district = districtCode(row);
            add(
                    units,
                    names,
                    new Unit(district, row.district(), LocalityLevel.DISTRICT, kindOf(row.district()), province));
        }
        for (Row row : rows) {
            add(
                    units,
                    names,
                    new Unit(
                            communeCode(row),
                            row.formerCommune(),
                            LocalityLevel.COMMUNE,
                            kindOf(row.formerCommune()),
                            districtCode(row)));
        }
        return units;
    }

    private static void add(Map<String, Unit> units, Map<String, String> names, Unit unit) {
        String key = unit.parentCode() + "/" + unit.name();
        String known = names.putIfAbsent(unit.code(), key);
        if (known != null && !known.equals(key)) {
            throw new IllegalStateException("Two former units share the code " + unit.code());
        }
        units.putIfAbsent(unit.code(), unit);
    }

    static String provinceCode(String name) {
        String national = FORMER_PROVINCE_CODES.get(VietnameseText.fold(name));
        return "C" + (national == null ? slug(name) : national);
    }

    static String districtCode(Row row) {
        return provinceCode(row.formerProvince()) + "." + abbreviated(row.district());
    }

    static String communeCode(Row row) {
        return districtCode(row) + "." + abbreviated(row.formerCommune());
    }

    /** "Thành phố Buôn Ma Thuột" → "TP-BUON-MA-THUOT", "Thị trấn Phước An" → "TT-PHUOC-AN". */
    static String abbreviated(String name) {
        String kind = kindOf(name);
        String abbreviation = switch (kind) {
            case "HUYEN" -> "H";
            case "THI_XA" -> "TX";
            case "THANH_PHO_TINH" -> "TP";
            case "XA" -> "X";
            case "PHUONG" -> "P";
            case "THI_TRAN" -> "TT";
            default -> throw new IllegalStateException(kind);
        };
        return abbreviation + "-" + slug(withoutKind(name));
    }

    static String kindOf(String name) {
        String folded = VietnameseText.fold(name);
        if (folded.startsWith("huyen ")) {
            return "HUYEN";
        }
        if (folded.startsWith("thi xa ")) {
            return "THI_XA";
        }
        if (folded.startsWith("thanh pho ")) {
            return "THANH_PHO_TINH";
        }
        if (folded.startsWith("thi tran ")) {
            return "THI_TRAN";
        }
        if (folded.startsWith("phuong ")) {
            return "PHUONG";
        }
        if (folded.startsWith("xa ")) {
            return "XA";
        }
        throw new IllegalStateException("Unknown kind of former unit " + name);
    }

    private static String withoutKind(String name) {
        String folded = VietnameseText.fold(name);
        for (String prefix : List.of("huyen ", "thi xa ", "thanh pho ", "thi tran ", "phuong ", "xa ")) {
            if (folded.startsWith(prefix)) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    private static String slug(String name) {
        return VietnameseText.fold(name)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "")
                .toUpperCase(java.util.Locale.ROOT);
    }

    static List<Row> read(String source) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(source).getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(",", -1))
                    .map(f -> new Row(
                            f[0].strip(),
                            VietnameseText.cleanOrEmpty(f[1]),
                            VietnameseText.cleanOrEmpty(f[2]),
                            VietnameseText.cleanOrEmpty(f[3]),
                            // the file writes "Thị Trấn" where the official name is "Thị trấn"
                            VietnameseText.cleanOrEmpty(f[4]).replaceFirst("^Thị Trấn ", "Thị trấn ")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
