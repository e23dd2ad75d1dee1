package vn.khuyenhoc.evaluation;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.criteria.TitleLevel;

/**
 * The subjects a level is given to, read from the registries: households, clans, villages, communes, and organisations
 * managed by the commune or the province. Only current subjects (not closed, not retired) can register.
 */
@Component
class Subjects {

    /** A subject that can register: its id, name, place and whether it is registered for the round's title and year. */
    record Subject(
            long id,
            String name,
            long localityId,
            String localityName,
            @Nullable Long registrationId) {}

    private final JdbcClient jdbc;

    Subjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A subject of a level as one select of id, name, locality_id and locality_path. */
    static String source(TitleLevel level) {
        return switch (level) {
            case HOUSEHOLD ->
                "select id, head_name as name, locality_id, locality_path from families where closed_on is null";
            case CLAN -> "select id, name, locality_id, locality_path from clans where closed_on is null";
            case VILLAGE ->
                "select id, name, id as locality_id, path as locality_path from localities"
                        + " where level = 'VILLAGE' and valid_to is null";
            case COMMUNE ->
                "select id, name, id as locality_id, path as locality_path from localities"
                        + " where level = 'COMMUNE' and valid_to is null";
            case COMMUNE_MANAGED ->
                "select id, name, locality_id, locality_path from organizations"
                        + " where closed_on is null and managing_level = 'COMMUNE'";
            case PROVINCE_MANAGED ->
                "select id, name, locality_id, locality_path from organizations"
                        + " where closed_on is null and managing_level = 'PROVINCE'";
        };
    }

    /** The subjects among {@code ids} that are of the level, current, in the round's locality and in the scope. */
    List<Subject> find(Round round, Collection<Long> ids, String scopePath) {
        return jdbc.sql("with s as (" + source(round.level()) + ")" + """
                         select s.id, s.name, s.locality_id, l.name as locality_name, g.id as registration_id
                         from s join localities l on l.id = s.locality_id
                         left join registrations g on g.subject_id = s.id and g.title = :title and g.year = :year
                         where s.id = any(:ids) and s.locality_path <@ cast(:round as ltree)
                           and s.locality_path <@ cast(:scope as ltree)
                         """)
                .param("ids", ids.toArray(Long[]::new))
                .param("round", round.localityPath())
                .param("scope", scopePath)
                .param("title", round.title().name())
                .param("year", round.year())
                .query(Subject.class)
                .list();
    }

    /**
     * The subjects of a locality (a village for households, else the round's locality) that may register, in name
     * order, with those registered already marked; at most {@code limit}.
     */
    List<Subject> candidates(Round round, String withinPath, String scopePath, int limit) {
        return jdbc.sql("with s as (" + source(round.level()) + ")" + """
                         select s.id, s.name, s.locality_id, l.name as locality_name, g.id as registration_id
                         from s join localities l on l.id = s.locality_id
                         left join registrations g on g.subject_id = s.id and g.title = :title and g.year = :year
                         where s.locality_path <@ cast(:round as ltree) and s.locality_path <@ cast(:within as ltree)
                           and s.locality_path <@ cast(:scope as ltree)
                         order by l.name collate vi_natural, s.name collate vi_natural, s.id
                         limit :limit
                         """)
                .param("round", round.localityPath())
                .param("within", withinPath)
                .param("scope", scopePath)
                .param("title", round.title().name())
                .param("year", round.year())
                .param("limit", limit)
                .query(Subject.class)
                .list();
    }

    /** Adults of a household: the people a learning family's Công dân học tập rate counts. */
    @Nullable
    Integer adults(TitleLevel level, long subjectId) {
        if (level != TitleLevel.HOUSEHOLD) {
            return null;
        }
        return jdbc.sql("select adults from families where id = :id")
                .param("id", subjectId)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }
}
