package vn.khuyenhoc.shared;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person behind a request: their role and their scope, the locality subtree every query they make is filtered
 * by. {@code scopePath} is that locality's materialised path; a record is in scope when its path starts with it.
 * {@code sessionGeneration} is the account's when it signed in: a session of an older generation has been ended.
 */
public record SignedInUser(
        long accountId,
        String username,
        String fullName,
        String passwordHash,
        Role role,
        String scopeCode,
        String scopeName,
        String scopePath,
        boolean enabled,
        int sessionGeneration,
        boolean passwordChangeRequired)
        implements UserDetails {

    public boolean is(Role... roles) {
        return List.of(roles).contains(role);
    }

    public boolean canEditLocalities() {
        return is(Role.PROVINCE_ADMIN, Role.COMMUNE_OFFICER);
    }

    /** Everyone but a viewer enters registry data. */
    public boolean canWrite() {
        return role != Role.VIEWER;
    }

    public void requireWriter() {
        if (!canWrite()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Tài khoản xem không được sửa dữ liệu.");
        }
    }

    /**
     * Imports registry data from a file: the roles that enter data, not a viewer nor the decision office, whose work
     * is decisions and certificates. Checked before the file is read, so that no one else can make the server parse
     * a file.
     */
    public boolean canImport() {
        return is(Role.PROVINCE_ADMIN, Role.COMMUNE_OFFICER, Role.DATA_CLERK);
    }

    public void requireImporter() {
        if (!canImport()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Tài khoản này không được nhập dữ liệu từ tệp.");
        }
    }

    /** Records recognition decisions, prints certificates and revokes them. */
    public boolean canDecide() {
        return is(Role.PROVINCE_ADMIN, Role.DECISION_OFFICE);
    }

    /** Creates rounds and appraises (thẩm định) on behalf of the commune or the province. */
    public boolean canAppraise() {
        return is(Role.PROVINCE_ADMIN, Role.COMMUNE_OFFICER);
    }

    /**
     * Households' phone numbers are personal data (Nghị định 13/2023/NĐ-CP): only the roles that contact households
     * see them, not viewers nor the decision office.
     */
    public boolean canSeePhones() {
        return is(Role.PROVINCE_ADMIN, Role.COMMUNE_OFFICER, Role.DATA_CLERK);
    }

    public boolean canManageAccounts() {
        return is(Role.PROVINCE_ADMIN);
    }

    /** Bound to the province itself: its path is the root of the map, with no parent. */
    public boolean isProvinceWide() {
        return !scopePath.contains(".");
    }

    /**
     * Settings that apply to every commune (the plans' targets, criteria sets, recognising authorities, the list of
     * policy documents) are changed only by a province administrator whose scope is the whole province: one bound
     * to a commune administers that commune, not the rules the other communes are measured by.
     */
    public boolean canChangeProvinceSettings() {
        return is(Role.PROVINCE_ADMIN) && isProvinceWide();
    }

    public void requireProvinceAdministrator() {
        if (!canChangeProvinceSettings()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Chỉ quản trị cấp tỉnh (phạm vi toàn tỉnh) được thay đổi thiết lập chung của tỉnh.");
        }
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "SignedInUser[" + username + ", " + role + ", " + scopeCode + "]";
    }
}
