package vn.khuyenhoc.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Text as the product stores and compares it: NFC, trimmed, without control characters, and folded without
 * diacritics for matching.
 */
public final class VietnameseText {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /**
     * Control characters (C0 but the white space {@link #SPACES} turns into a space, DEL, C1) and a stray byte-order
     * mark: a NUL from a CSV or JSON would make PostgreSQL refuse the text, the others are invisible.
     */
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0E-\\x1F\\x7F-\\x9F\\uFEFF]");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private VietnameseText() {}

    /**
     * NFC with control characters removed, inner runs of white space (tabs and line breaks included) collapsed to one
     * space and the ends trimmed; null stays null.
     */
    public static @Nullable String clean(@Nullable String text) {
        if (text == null) {
            return null;
        }
        if (plainAscii(text)) {
            return text;
        }
        return SPACES.matcher(Normalizer.normalize(withoutControls(text), Normalizer.Form.NFC))
                .replaceAll(" ")
                .strip();
    }

    /**
     * The text without control characters (NUL, escape, DEL, C1 controls, a stray byte-order mark), keeping tabs and
     * line breaks: what every text typed into a form or sent as JSON is reduced to before the application sees it.
     */
    public static String withoutControls(String text) {
        return CONTROLS.matcher(text).replaceAll("");
    }

    /**
     * Printable ASCII with single inner spaces is clean already: the codes and numbers that fill most cells of an
     * import skip the regular expressions and the normalisation.
     */
    private static boolean plainAscii(String text) {
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (c > '~' || c < ' ' || (c == ' ' && (i == 0 || i == last || text.charAt(i - 1) == ' '))) {
                return false;
            }
        }
        return true;
    }

    /** Like {@link #clean} but never null: blank input becomes the empty string. */
    public static String cleanOrEmpty(@Nullable String text) {
        String cleaned = clean(text);
        return cleaned == null ? "" : cleaned;
    }

    /** Lower case without diacritics ("Đắk Lắk" becomes "dak lak"), for comparing what people type. */
    public static String fold(@Nullable String text) {
        String decomposed = Normalizer.normalize(cleanOrEmpty(text), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed)
                .replaceAll("")
                .replace('đ', 'd')
                .replace('Đ', 'D')
                .toLowerCase(Locale.ROOT);
    }

    /**
     * The constant whose code ({@code TO_DAN_PHO}) or Vietnamese label ({@code Tổ dân phố}) the text names, in any
     * case, with or without diacritics, with spaces or underscores; the part of a label before a comma also counts.
     */
    public static <E extends Enum<E>> Optional<E> choose(E[] values, Function<E, String> label, @Nullable String text) {
        String folded = fold(text).replace('_', ' ');
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        for (E value : values) {
            String foldedLabel = fold(label.apply(value));
            // "thôn" names "Thôn, tổ dân phố": the part of a label before its comma is accepted too
            String shortLabel = foldedLabel.split(",")[0].strip();
            if (fold(value.name()).replace('_', ' ').equals(folded)
                    || foldedLabel.equals(folded)
                    || shortLabel.equals(folded)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
