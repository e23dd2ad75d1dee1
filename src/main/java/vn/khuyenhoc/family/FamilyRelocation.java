package vn.khuyenhoc.family;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.locality.LocalitiesMerged;
import vn.khuyenhoc.shared.Relocations;

/**
 * Households follow their village when it is merged or retired (in the same transaction): those still active on the
 * day move to the successor, keeping where they were in {@code family_placements}; without a successor the change is
 * refused while any is active.
 */
@Component
class FamilyRelocation {

    private static final Relocations.Registry REGISTRY =
            new Relocations.Registry("families", "family_placements", "family_id", "closed_on");

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    FamilyRelocation(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void on(LocalitiesMerged merged) {
        var moved = Relocations.relocate(
                jdbc, REGISTRY, merged.retiredIds(), merged.successorId(), merged.on(), "hộ gia đình");
        audit.recordMoves("family", moved, merged.successorId(), merged.on());
    }
}
