package vn.khuyenhoc.indicator.reported;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * The crosswalk from the former communes to today's: each former commune's figures go to the commune(s) that succeeded
 * it on 1/7/2025; a commune split between several shares them by proportions a province administrator enters once
 * per split (equal shares until then).
 */
@Component
class Crosswalk {

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal TOLERANCE = new BigDecimal("0.0001");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Crosswalk(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** A former commune split between several communes, with the share each received. */
    record Split(String code, String name, String districtName, boolean entered, List<Share> shares) {}

    record Share(String code, String name, BigDecimal share) {}

    private record ShareRow(
            String code,
            String name,
            String districtName,
            String successorCode,
            String successorName,
            @Nullable BigDecimal entered,
            long successors) {}

    /**
     * The splits of the former map the user sees (one of the communes it went to lies in the user's scope), in the
     * order of the districts and names.
     */
    @Transactional(readOnly = true)
    List<Split> splits(SignedInUser user) {
        List<ShareRow> rows = jdbc.sql("""
                        select p.code, p.name, d.name as district_name, n.code as successor_code,
                               n.name as successor_name, x.share as entered,
                               count(*) over (partition by p.id) as successors
                        from locality_successions s
                        join localities p on p.id = s.predecessor_id and p.former_map and p.level = 'COMMUNE'
                        join localities d on d.id = p.parent_id
                        join localities n on n.id = s.successor_id
                        left join reported_figure_shares x
                               on x.predecessor_id = s.predecessor_id and x.successor_id = s.successor_id
                        where exists (select 1 from locality_successions s2 join localities n2 on n2.id = s2.successor_id
                                      where s2.predecessor_id = p.id and n2.path <@ cast(:scope as ltree))
                        order by d.name collate vi_natural, p.name collate vi_natural, n.name collate vi_natural
                        """)
                .param("scope", user.scopePath())
                .query(ShareRow.class)
                .list();
        Map<String, Split> splits = new LinkedHashMap<>();
        for (ShareRow row : rows) {
            if (row.successors() < 2) {
                continue;
            }
            BigDecimal share = row.entered() != null
                    ? row.entered()
                    : ONE.divide(BigDecimal.valueOf(row.successors()), 6, RoundingMode.HALF_UP);
            Split split = splits.computeIfAbsent(
                    row.code(),
                    c -> new Split(c, row.name(), row.districtName(), row.entered() != null, new ArrayList<>()));
            split.shares().add(new Share(row.successorCode(), row.successorName(), share));
        }
        return List.copyOf(splits.values());
    }

    /**
     * Sets the shares of one split: one per successor, each between 0 and 1, adding up to 1; nothing is saved
     * otherwise. Province administrators of the whole province only.
     */
    @Transactional
    Split share(String predecessorCode, Map<String, BigDecimal> shares, SignedInUser user) {
        user.requireProvinceAdministrator();
        Split split = splits(user).stream()
                .filter(s -> s.code().equals(VietnameseText.cleanOrEmpty(predecessorCode)))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(
                        "Không có xã cũ mã “" + predecessorCode + "” được chia cho nhiều xã, phường mới."));
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Share successor : split.shares()) {
            BigDecimal share = shares.get(successor.code());
            String field = "shares." + successor.code();
            if (share == null) {
                problems.add(new InvalidInputException.FieldProblem(
                        field, "Thiếu tỷ lệ cho " + successor.name() + " (" + successor.code() + ")."));
            } else if (share.signum() < 0 || share.compareTo(ONE) > 0) {
                problems.add(new InvalidInputException.FieldProblem(
                        field, "Tỷ lệ cho " + successor.name() + " phải từ 0 đến 1."));
            } else {
                sum = sum.add(share);
            }
        }
        for (String code : shares.keySet()) {
            if (split.shares().stream().noneMatch(s -> s.code().equals(code))) {
                problems.add(new InvalidInputException.FieldProblem(
                        "shares." + code, "“" + code + "” không kế thừa " + split.name() + "."));
            }
        }
        if (problems.isEmpty() && sum.subtract(ONE).abs().compareTo(TOLERANCE) > 0) {
            problems.add(new InvalidInputException.FieldProblem(
                    "shares",
                    "Tổng các tỷ lệ phải bằng 1 (đang là "
                            + sum.stripTrailingZeros().toPlainString() + ")."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        for (Share successor : split.shares()) {
            jdbc.sql("""
                            insert into reported_figure_shares (predecessor_id, successor_id, share)
                            select p.id, n.id, :share from localities p, localities n
                            where p.code = :predecessor and n.code = :successor
                            on conflict (predecessor_id, successor_id) do update set
                                share = excluded.share, updated_at = now()
                            """)
                    .param("share", shares.get(successor.code()))
                    .param("predecessor", split.code())
                    .param("successor", successor.code())
                    .update();
        }
        Split after = splits(user).stream()
                .filter(s -> s.code().equals(split.code()))
                .findFirst()
                .orElseThrow();
        audit.recordChange("SHARE", "crosswalk", split.code(), split, after, user.scopePath());
        events.publishEvent(new ReportedFiguresChanged(0));
        return after;
    }
}
