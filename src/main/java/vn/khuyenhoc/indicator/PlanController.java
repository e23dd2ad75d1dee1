package vn.khuyenhoc.indicator;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.SignedInUser;

/** The plans and their targets, the communes' own targets, the indicator catalogue, and their history. */
@Controller
class PlanController {

    private final Plans plans;
    private final IndicatorSnapshots snapshots;
    private final AuditTrail audit;

    PlanController(Plans plans, IndicatorSnapshots snapshots, AuditTrail audit) {
        this.plans = plans;
        this.snapshots = snapshots;
        this.audit = audit;
    }

    @GetMapping("/plans")
    String plans(Model model) {
        model.addAttribute("plans", plans.all());
        model.addAttribute("overrides", plans.overrides());
        model.addAttribute("catalogue", IndicatorDefinition.values());
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (IndicatorDefinition d : IndicatorDefinition.values()) {
            labels.put(d.code(), d.label());
        }
        model.addAttribute("labels", labels);
        model.addAttribute("history", audit.recent(java.util.List.of(Plans.TARGET, Plans.OVERRIDE), 30));
        return "indicator/plans";
    }

    @PostMapping("/plans/targets")
    String setTarget(
            @RequestParam String plan,
            @RequestParam String indicator,
            @RequestParam int year,
            @RequestParam(required = false) @Nullable Double value,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        try {
            plans.setTarget(plan, indicator, year, value, user);
            snapshots.clear();
            redirect.addFlashAttribute("message", value == null ? "Đã bỏ mục tiêu." : "Đã lưu mục tiêu.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/plans";
    }

    @PostMapping("/plans/overrides")
    String setOverride(
            @RequestParam(required = false) @Nullable String localityCode,
            @RequestParam String indicator,
            @RequestParam int year,
            @RequestParam(required = false) @Nullable Double value,
            @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        try {
            plans.setOverride(localityCode, indicator, year, value, reason, user);
            snapshots.clear();
            redirect.addFlashAttribute(
                    "message",
                    value == null
                            ? "Đã bỏ mục tiêu riêng: xã theo mục tiêu của kế hoạch."
                            : "Đã lưu mục tiêu riêng của xã.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/plans";
    }
}
