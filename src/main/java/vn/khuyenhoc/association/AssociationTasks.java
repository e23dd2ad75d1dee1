package vn.khuyenhoc.association;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.Task;
import vn.khuyenhoc.shared.TaskSource;

/**
 * The association's share of an officer's to-do home: current villages of the scope without a chapter (the coverage
 * page lists them first among its gaps) and policy-study sessions held without any attendance recorded. The
 * attendance is probed per session through its primary key (a scalar subquery rather than an anti-join, which the
 * planner may turn into a scan of the province's 2.4 million attendance rows).
 */
@Component
@Order(2)
class AssociationTasks implements TaskSource {

    private record Counts(long villagesWithoutChapter, long sessionsWithoutAttendance) {}

    private final JdbcClient jdbc;

    AssociationTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Task> tasks(SignedInUser user, LocalDate today) {
        if (!user.is(Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN)) {
            return List.of();
        }
        Counts counts = jdbc.sql("""
                        select (select count(*) from localities v
                                where v.level = 'VILLAGE' and v.valid_to is null and not v.former_map
                                  and v.path <@ cast(:scope as ltree)
                                  and not exists (select 1 from chapters c
                                                  where c.host_village_id = v.id and c.dissolved_on is null))
                                   as villages_without_chapter,
                               (select count(*) from policy_studies s
                                where s.locality_path <@ cast(:scope as ltree) and s.held_on <= :today
                                  and (select 1 from policy_study_attendance a where a.study_id = s.id limit 1) is null)
                                   as sessions_without_attendance
                        """)
                .param("scope", user.scopePath())
                .param("today", today)
                .query(Counts.class)
                .single();
        List<Task> tasks = new ArrayList<>();
        if (counts.villagesWithoutChapter() > 0) {
            tasks.add(new Task(
                    "village-without-chapter",
                    "thôn, tổ dân phố chưa có chi hội khuyến học",
                    counts.villagesWithoutChapter(),
                    null,
                    false,
                    "/coverage?gap=VILLAGE"));
        }
        if (counts.sessionsWithoutAttendance() > 0) {
            tasks.add(new Task(
                    "session-without-attendance",
                    "buổi học tập, quán triệt chưa điểm danh",
                    counts.sessionsWithoutAttendance(),
                    null,
                    false,
                    "/policy-studies?noAttendance=true"));
        }
        return tasks;
    }
}
