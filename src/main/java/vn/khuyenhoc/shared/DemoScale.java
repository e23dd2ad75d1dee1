package vn.khuyenhoc.shared;

import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * How much demo data a start asks for with {@code khuyenhoc.demo-data}: nothing ({@code false}), villages only
 * ({@code true} or {@code villages}), or a whole province at realistic scale ({@code province}: about 3,200
 * villages, 900,000 households, 15,000 organizations, 8,000 clans, 12,000 chapters with their movement years, about
 * 700,000 members and their policy-study sessions).
 */
public enum DemoScale {
    NONE,
    VILLAGES,
    PROVINCE;

    public static DemoScale of(Environment environment) {
        String value =
                environment.getProperty("khuyenhoc.demo-data", "false").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "villages" -> VILLAGES;
            case "province" -> PROVINCE;
            default -> NONE;
        };
    }
}
