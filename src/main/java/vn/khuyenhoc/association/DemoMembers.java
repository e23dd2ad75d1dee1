package vn.khuyenhoc.association;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyenhoc.shared.DemoScale;

/**
 * Province-scale demo rosters and policy studies: 10–106 members per demo chapter (about 700,000), five officers
 * each, a few leaders counted in two chapters (same citizen-ID hash); every year since 2021 a session in most
 * chapters (attended by most of their members), two per commune and one for the province (attended by officers):
 * about 2.6 million attendance rows. Set-based INSERT … SELECT, like the other demo data.
 */
@Component
@Order(35)
class DemoMembers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMembers.class);

    private static final String MEMBERS = """
            with g as (
                select c.id as chapter_id, c.locality_id, c.founded_on, n, abs(hashint8(c.id * 1000 + n)) as h
                from chapters c
                cross join lateral generate_series(1, 10 + (abs(hashint8(c.id)) % 97)::int) n
                where c.demo and c.dissolved_on is null
                  and not exists (select 1 from members m where m.chapter_id = c.id)
            )
            insert into members (chapter_id, full_name, gender, birth_year, ethnicity, role, position, joined_on, left_on,
                                 citizen_key, citizen_last4, locality_id, demo)
            select g.chapter_id,
                   case when g.h % 5 = 0
                        then (case when n % 2 = 0 then 'H''' else 'Y ' end)
                             || (array['Bhăm','Khăm','Blin','Djuê','Hen','Mlô','Sang','Thanh','Lan','Nga'])[1 + (g.h / 7 % 10)::int]
                             || ' ' || (array['Niê','Êban','Mlô','Ktla','Ayŭn','Byă','Kbuôr','Hwing'])[1 + (g.h / 70 % 8)::int]
                        else (array['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý'])[1 + (g.h / 3 % 14)::int]
                             || ' ' || (case when n % 2 = 0 then (array['Thị','Thị','Ngọc','Thu'])[1 + (g.h / 11 % 4)::int]
                                             else (array['Văn','Văn','Hữu','Đức','Minh'])[1 + (g.h / 11 % 5)::int] end)
                             || ' ' || (array['An','Bình','Cường','Dũng','Hà','Hải','Hạnh','Hòa','Hùng','Hương','Khoa','Lan',
                                              'Linh','Long','Mai','Minh','Nam','Nga','Phúc','Quang','Sơn','Tâm','Thảo',
                                              'Thành','Trang','Trung','Tuấn','Vân','Việt','Yến'])[1 + (g.h / 13 % 30)::int]
                   end,
                   case when n % 2 = 0 then 'FEMALE' else 'MALE' end,
                   1945 + (g.h % 60)::int,
                   case when g.h % 5 = 0 then 'Ê Đê' when g.h % 9 = 0 then null else 'Kinh' end,
                   case when n <= 5 then 'OFFICER' else 'MEMBER' end,
                   case n when 1 then 'Chi hội trưởng' when 2 then 'Chi hội phó' when 3 then 'Chi hội phó'
                          when 4 then 'Ủy viên' when 5 then 'Ủy viên' end,
                   j.joined_on,
                   -- never before joining: a membership lies within its chapter's days
                   case when g.h % 31 <> 0 then null
                        else greatest(j.joined_on,
                            case when g.h % 4 = 0 then date '2022-01-01' + (g.h % 1400)::int
                                 else least(current_date, date '2010-01-01' + (g.h % 5500)::int + 400 + (g.h % 900)::int) end)
                   end,
                   case when n = 1 then 'demo-' || (g.chapter_id / 2) end,
                   case when n = 1 then lpad(((g.chapter_id / 2) % 10000)::text, 4, '0') end,
                   g.locality_id, true
            from g
            -- a member joins on or after the chapter's founding (unknown only for chapters older than the programme)
            cross join lateral (
                select case when g.h % 4 = 0 then case when g.founded_on >= date '2021-01-01' then g.founded_on end
                            else greatest(g.founded_on, date '2010-01-01' + (g.h % 5500)::int) end as joined_on
            ) j
            """;

    private static final String SESSIONS = """
            insert into policy_studies (level, chapter_id, locality_id, held_on, title, demo)
            select 'CHAPTER', c.id, c.locality_id, make_date(y, 3 + (c.id % 8)::int, 1 + (c.id % 27)::int),
                   'Học tập, quán triệt chủ trương về khuyến học năm ' || y, true
            from chapters c cross join generate_series(2021, extract(year from current_date)::int) y
            where c.demo and c.dissolved_on is null and abs(hashint8(c.id + y)) % 10 < 6
              and make_date(y, 3 + (c.id % 8)::int, 1 + (c.id % 27)::int) <= current_date
            union all
            select 'COMMUNE', null, l.id, make_date(y, m, 10 + (l.id % 15)::int),
                   'Hội nghị quán triệt chủ trương, chính sách về khuyến học, xây dựng xã hội học tập', true
            from localities l cross join generate_series(2021, extract(year from current_date)::int) y
                 cross join (values (4), (10)) months(m)
            where l.level = 'COMMUNE' and l.valid_to is null
              and make_date(y, m, 10 + (l.id % 15)::int) <= current_date
              and exists (select 1 from chapters c where c.demo and c.locality_path <@ l.path)
            union all
            select 'PROVINCE', null, l.id, make_date(y, 6, 15),
                   'Hội nghị tập huấn, quán triệt văn bản về khuyến học của Hội Khuyến học tỉnh năm ' || y, true
            from localities l cross join generate_series(2021, extract(year from current_date)::int) y
            where l.level = 'PROVINCE' and not l.former_map and make_date(y, 6, 15) <= current_date
              and exists (select 1 from chapters c where c.demo)
            """;

    private static final String DOCUMENTS = """
            insert into policy_study_documents (study_id, document_code)
            select s.id, d.code
            from policy_studies s join policy_documents d on d.issued_on <= s.held_on
            where s.demo and (d.code = 'CT-11-TW' or abs(hashint8(s.id * 31 + hashtext(d.code))) % 3 = 0)
            on conflict do nothing
            """;

    private static final String ATTENDANCE = """
            insert into policy_study_attendance (study_id, member_id, recorded_by)
            select s.id, m.id, 'demo'
            from policy_studies s join members m on m.chapter_id = s.chapter_id
            where s.demo and s.level = 'CHAPTER' and abs(hashint8(s.id * 7919 + m.id)) % 100 < 85
              and (m.joined_on is null or m.joined_on <= s.held_on) and (m.left_on is null or m.left_on > s.held_on)
            union all
            select s.id, m.id, 'demo'
            from policy_studies s join members m on subpath(m.locality_path, 0, 2) = s.locality_path
            where s.demo and s.level = 'COMMUNE' and m.role = 'OFFICER' and abs(hashint8(s.id * 7919 + m.id)) % 100 < 80
              and (m.joined_on is null or m.joined_on <= s.held_on) and (m.left_on is null or m.left_on > s.held_on)
            union all
            select s.id, m.id, 'demo'
            from policy_studies s join members m on m.locality_path <@ s.locality_path
            where s.demo and s.level = 'PROVINCE' and m.role = 'OFFICER' and abs(hashint8(s.id * 7919 + m.id)) % 100 < 50
              and (m.joined_on is null or m.joined_on <= s.held_on) and (m.left_on is null or m.left_on > s.held_on)
            on conflict do nothing
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Environment environment;

    DemoMembers(JdbcClient jdbc, TransactionTemplate transactions, Environment environment) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (DemoScale.of(environment) != DemoScale.PROVINCE) {
            return;
        }
        long start = System.nanoTime();
        int members = transactions.execute(status -> jdbc.sql(MEMBERS).update());
        jdbc.sql("analyze members").update();
        long afterMembers = System.nanoTime();
        if (members == 0) {
            log.info("Demo data: chapters already have their members.");
            return;
        }
        int[] counts = transactions.execute(status -> {
            int sessions = jdbc.sql(SESSIONS).update();
            jdbc.sql("analyze policy_studies").update();
            jdbc.sql(DOCUMENTS).update();
            int attendance = jdbc.sql(ATTENDANCE).update();
            return new int[] {sessions, attendance};
        });
        jdbc.sql("analyze policy_study_documents").update();
        jdbc.sql("analyze policy_study_attendance").update();
        log.info(
                "Demo data: {} members in {} ms; {} policy-study sessions and {} attendance rows in {} ms.",
                members,
                (afterMembers - start) / 1_000_000,
                counts[0],
                counts[1],
                (System.nanoTime() - afterMembers) / 1_000_000);
    }
}
