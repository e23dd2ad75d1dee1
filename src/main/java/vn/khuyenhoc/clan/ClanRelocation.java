package vn.khuyenhoc.clan;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.locality.LocalitiesMerged;
import vn.khuyenhoc.shared.Relocations;

/**
 * Clans, hometown associations and religious establishments follow their village when it is merged or retired (in the same transaction): those still active on the
 * day move to the successor, keeping where they were in {@code clan_placements}; without a successor the change is
 * refused while any is active.
 */
@Component
class ClanRelocation {

    private static final Relocations.Registry REGISTRY =
            new Relocations.Registry("clans", "clan_placements", "clan_id", "closed_on");

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ClanRelocation(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void on(LocalitiesMerged merged) {
        var moved = Relocations.relocate(
                jdbc,
                REGISTRY,
                merged.retiredIds(),
                merged.successorId(),
                merged.on(),
                "dòng họ, hội đồng hương, cơ sở tôn giáo");
        audit.recordMoves("clan", moved, merged.successorId(), merged.on());
    }
}
