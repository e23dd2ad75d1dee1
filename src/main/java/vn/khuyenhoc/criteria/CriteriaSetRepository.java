package vn.khuyenhoc.criteria;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.shared.ConflictException;

/**
 * Criteria sets in {@code criteria_sets}. JdbcClient rather than Spring Data JDBC because the tree of criteria is one
 * jsonb document, read and written whole.
 */
@Repository
class CriteriaSetRepository {

    /** The jsonb document of a set: its criteria and items. */
    record Definition(List<CriteriaSet.Criterion> criteria) {}

    private static final String SELECT = """
            select id, title, level, name, legal_basis, legal_basis_date, edition, valid_from, valid_to, status, note,
                   min_total, all_items_met, level_two_min_total, validity_years, definition, cloned_from, version
            from criteria_sets
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CriteriaSetRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<CriteriaSet> findById(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    List<CriteriaSet> findAll() {
        return jdbc.sql(SELECT + " order by title, level, edition desc")
                .query(this::map)
                .list();
    }

    int nextEdition(Title title, TitleLevel level) {
        return jdbc.sql(
                        "select coalesce(max(edition), 0) + 1 from criteria_sets where title = :title and level = :level")
                .param("title", title.name())
                .param("level", level.name())
                .query(Integer.class)
                .single();
    }

    CriteriaSet insert(CriteriaSet set) {
        long id = jdbc.sql("""
                        insert into criteria_sets (title, level, name, legal_basis, legal_basis_date, edition, valid_from,
                            valid_to, status, note, min_total, all_items_met, level_two_min_total, validity_years,
                            definition, cloned_from)
                        values (:title, :level, :name, :legalBasis, :legalBasisDate, :edition, :validFrom, :validTo,
                            :status, :note, :minTotal, :allItemsMet, :levelTwoMinTotal, :validityYears,
                            cast(:definition as jsonb), :clonedFrom)
                        returning id
                        """).params(params(set)).query(Long.class).single();
        return findById(id).orElseThrow();
    }

    /** Saves a changed set if nobody saved it since it was read (its lock version); otherwise a conflict. */
    CriteriaSet update(CriteriaSet set) {
        int updated = jdbc.sql("""
                        update criteria_sets set name = :name, legal_basis = :legalBasis,
                            legal_basis_date = :legalBasisDate, valid_from = :validFrom, valid_to = :validTo,
                            status = :status, note = :note, min_total = :minTotal, all_items_met = :allItemsMet,
                            level_two_min_total = :levelTwoMinTotal, validity_years = :validityYears,
                            definition = cast(:definition as jsonb), version = version + 1, updated_at = now()
                        where id = :id and version = :lockVersion
                        """).params(params(set)).update();
        if (updated == 0) {
            throw new ConflictException("Bộ tiêu chí vừa được người khác thay đổi. Hãy tải lại trang.");
        }
        return findById(set.id()).orElseThrow();
    }

    private java.util.Map<String, Object> params(CriteriaSet set) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", set.id());
        p.put("title", set.title().name());
        p.put("level", set.level().name());
        p.put("name", set.name());
        p.put("legalBasis", set.legalBasis());
        p.put("legalBasisDate", set.legalBasisDate());
        p.put("edition", set.version());
        p.put("validFrom", set.validFrom());
        p.put("validTo", set.validTo());
        p.put("status", set.status().name());
        p.put("note", set.note());
        p.put("minTotal", set.rule().minTotal());
        p.put("allItemsMet", set.rule().allItemsMet());
        p.put("levelTwoMinTotal", set.rule().levelTwoMinTotal());
        p.put("validityYears", set.validityYears());
        p.put("definition", json.writeValueAsString(new Definition(set.criteria())));
        p.put("clonedFrom", set.clonedFrom());
        p.put("lockVersion", set.lockVersion());
        return p;
    }

    private CriteriaSet map(ResultSet rs, int row) throws SQLException {
        Definition definition = json.readValue(rs.getString("definition"), Definition.class);
        return new CriteriaSet(
                rs.getLong("id"),
                Title.valueOf(rs.getString("title")),
                TitleLevel.valueOf(rs.getString("level")),
                rs.getString("name"),
                rs.getString("legal_basis"),
                rs.getObject("legal_basis_date", java.time.LocalDate.class),
                rs.getInt("edition"),
                rs.getObject("valid_from", java.time.LocalDate.class),
                rs.getObject("valid_to", java.time.LocalDate.class),
                CriteriaStatus.valueOf(rs.getString("status")),
                rs.getString("note"),
                new CriteriaSet.Rule(
                        rs.getObject("min_total", Integer.class),
                        rs.getBoolean("all_items_met"),
                        rs.getObject("level_two_min_total", Integer.class)),
                rs.getInt("validity_years"),
                definition.criteria(),
                rs.getObject("cloned_from", Long.class),
                rs.getInt("version"));
    }
}
