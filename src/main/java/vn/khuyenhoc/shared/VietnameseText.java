package vn.khuyenhoc.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Text as the product stores and compares it: NFC, trimmed, and folded without diacritics for matching. */
public final class VietnameseText {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** C0 and C1 control characters but tab and line breaks. */
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]+");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private VietnameseText() {}

    /**
     * NFC with inner runs of white space collapsed and the ends trimmed; null stays null. Control characters are
     * removed (PostgreSQL refuses NUL in text, and none of them has a meaning in a name or a note).
     */
    public static @Nullable String clean(@Nullable String text) {
        if (text == null) {
            return null;
        }
        return SPACES.matcher(Normalizer.normalize(withoutControls(text), Normalizer.Form.NFC))
                .replaceAll(" ")
                .strip();
    }

    /**
     * The text without control characters (NUL, escape, C1 controls...), keeping tabs and line breaks: what every text
     * typed into a form or sent as JSON is reduced to before the application sees it.
     */
    public static String withoutControls(String text) {
        return CONTROLS.matcher(text).replaceAll("");
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
