package vn.khuyenhoc.account;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.Paged;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * Accounts for provisioning from a list: a province administrator reads, creates and edits the accounts of their own
 * scope (others 403, another scope's account 404).
 */
@RestController
@RequestMapping("/api/v1/accounts")
class AccountApiController {

    private final AccountService accounts;

    AccountApiController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    Paged<AccountView> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @AuthenticationPrincipal SignedInUser admin) {
        Paged<AccountRow> rows = accounts.list(admin, PageQuery.of(page, size));
        return new Paged<>(rows.items().stream().map(AccountView::of).toList(), rows.total(), rows.page(), rows.size());
    }

    @GetMapping("/{id}")
    AccountView get(@PathVariable long id, @AuthenticationPrincipal SignedInUser admin) {
        return AccountView.of(accounts.get(id, admin));
    }

    @PostMapping
    ResponseEntity<AccountView> create(
            @RequestBody AccountService.AccountForm form, @AuthenticationPrincipal SignedInUser admin) {
        try {
            AccountView created = AccountView.of(accounts.create(form, admin));
            return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.id()))
                    .body(created);
        } catch (InvalidInputException e) {
            throw e.renamed("fullName", "displayName");
        }
    }

    /** The same body without the password, with the {@code version} read: 409 when someone changed it since. */
    @PutMapping("/{id}")
    AccountView update(
            @PathVariable long id,
            @RequestBody AccountService.AccountForm form,
            @AuthenticationPrincipal SignedInUser admin) {
        if (form.password() != null) {
            throw new InvalidInputException(
                    "password", "Không đổi mật khẩu ở đây: quản trị đặt mật khẩu tạm trên trang Tài khoản.");
        }
        if (form.username() != null) {
            AccountView current = AccountView.of(accounts.get(id, admin));
            if (!current.username().equals(AccountService.normalise(form.username()))) {
                throw new InvalidInputException(
                        "username",
                        "Tên đăng nhập không đổi được (“" + current.username()
                                + "”): hãy tạo tài khoản mới với tên khác và khóa tài khoản này.");
            }
        }
        try {
            return AccountView.of(accounts.update(id, form, admin));
        } catch (InvalidInputException e) {
            throw e.renamed("fullName", "displayName");
        }
    }
}
