package vn.khuyenhoc.system;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.khuyenhoc.shared.SignedInUser;

/** What the layout shows on every page: the signed-in user, their role and scope. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAttributes {

    @ModelAttribute("me")
    @Nullable
    SignedInUser me() {
        return current();
    }

    /** The signed-in user, or null on the sign-in page; error pages call it too (their model starts empty). */
    static @Nullable SignedInUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user : null;
    }
}
