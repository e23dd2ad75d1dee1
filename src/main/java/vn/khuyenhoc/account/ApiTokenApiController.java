package vn.khuyenhoc.account;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyenhoc.shared.SignedInUser;

/** A user's own personal access tokens over the API. */
@RestController
class ApiTokenApiController {

    private final ApiTokens tokens;

    ApiTokenApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record NewToken(@Nullable String name, @Nullable Integer expiresInDays) {}

    @PostMapping("/api/v1/tokens")
    ResponseEntity<ApiTokens.Issued> create(@RequestBody NewToken request, @AuthenticationPrincipal SignedInUser user) {
        // a token makes no other token: a leaked short-lived token must not become a long-lived one
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        if (authentication != null && authentication.getDetails() instanceof vn.khuyenhoc.shared.TokenUse) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Mã truy cập không tạo được mã truy cập khác: hãy tạo mã bằng mật khẩu hoặc ở trang Mã truy cập API.");
        }
        ApiTokens.Issued issued = tokens.issue(user, request.name(), request.expiresInDays());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.id()))
                .header("Cache-Control", "no-store")
                .body(issued);
    }

    @GetMapping("/api/v1/tokens")
    List<ApiTokens.Token> list(@AuthenticationPrincipal SignedInUser user) {
        return tokens.mine(user);
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        tokens.revoke(user, id);
        return ResponseEntity.noContent().build();
    }
}
