package vn.khuyenhoc.evaluation;

import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * The address citizens reach the product at ({@code khuyenhoc.public-url}): every certificate prints a QR code to
 * {@code <address>/verify/<code>}. Left at its default ({@code localhost}) the printed codes open nothing on a
 * citizen's phone, so the start-up log warns, and the administrator's home page (template
 * {@code shared/public-address}, which calls {@link #warning}) says so while certificates are being issued.
 * Public only because templates read it as the bean {@code publicAddress}.
 */
@Component("publicAddress")
public class PublicAddress {

    private static final Logger log = LoggerFactory.getLogger(PublicAddress.class);

    private final String url;
    private final JdbcClient jdbc;

    PublicAddress(@Value("${khuyenhoc.public-url:}") String url, JdbcClient jdbc) {
        this.url = url.strip().replaceAll("/+$", "");
        this.jdbc = jdbc;
    }

    /** The address the certificates' QR codes open, followed by the certificate's code. */
    public String verifyBase() {
        return url + "/verify/";
    }

    /** Unset, or a name only this computer answers to. */
    public boolean unusable() {
        if (url.isEmpty()) {
            return true;
        }
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return true;
        }
        if (host == null) {
            return true;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.equals("localhost")
                || host.endsWith(".localhost")
                || host.startsWith("127.")
                || host.equals("0.0.0.0")
                || host.equals("[::1]")
                || host.equals("::1");
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAtStartUp() {
        if (unusable()) {
            log.warn(
                    "Địa chỉ công khai chưa đặt / public address unset: khuyenhoc.public-url = \"{}\". Certificates will"
                            + " print QR codes to {}<code>, which citizens cannot open: set KHUYENHOC_PUBLIC_URL to the"
                            + " address the site is reached at (e.g. https://khuyenhoc.daklak.gov.vn).",
                    url,
                    verifyBase());
        }
    }

    /**
     * What an administrator is told when the address is unusable while certificates are being issued (a round of
     * this year or last year, or a certificate already given); null otherwise and for every other role.
     */
    public @Nullable String warning(@Nullable SignedInUser user) {
        if (user == null || !user.canManageAccounts() || !unusable() || !issuing()) {
            return null;
        }
        return "Giấy chứng nhận đang in mã QR tới “" + verifyBase()
                + "…”, địa chỉ mà người dân không mở được. Hãy đặt địa chỉ công khai của trang"
                + " (biến môi trường KHUYENHOC_PUBLIC_URL, vd: https://khuyenhoc.daklak.gov.vn) rồi khởi động lại.";
    }

    private boolean issuing() {
        return jdbc.sql("""
                        select exists (select 1 from rounds where year >= :year - 1)
                            or exists (select 1 from certificates)
                        """)
                .param("year", LocalDate.now().getYear())
                .query(Boolean.class)
                .single();
    }
}
