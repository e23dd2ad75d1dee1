package vn.khuyenhoc.system;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.khuyenhoc.shared.SignedInUser;

/** What the layout shows on every page: the signed-in user, their role and scope, and their menu. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAttributes {

    @ModelAttribute("me")
    @Nullable
    SignedInUser me() {
        return current();
    }

    /** The signed-in user's menu: what their role may use, the page's own destination marked. */
    @ModelAttribute("nav")
    @Nullable
    Navigation nav(HttpServletRequest request) {
        return navigation(request);
    }

    static @Nullable Navigation navigation(HttpServletRequest request) {
        return Navigation.of(
                current(),
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** The signed-in user, or null on the sign-in page; error pages call it too (their model starts empty). */
    static @Nullable SignedInUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user : null;
    }
}
