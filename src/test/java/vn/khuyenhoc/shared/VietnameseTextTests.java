package vn.khuyenhoc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class VietnameseTextTests {

    @Test
    void foldsDiacriticsAndCaseIncludingDStroke() {
        assertThat(VietnameseText.fold("BUÔN MA THUỘT")).isEqualTo("buon ma thuot");
        assertThat(VietnameseText.fold("Tỉnh Đắk Lắk")).isEqualTo("tinh dak lak");
    }

    @Test
    void foldsDecomposedTextLikeComposedText() {
        String decomposed = Normalizer.normalize("Phường Buôn Ma Thuột", Normalizer.Form.NFD);
        assertThat(VietnameseText.fold(decomposed)).isEqualTo(VietnameseText.fold("Phường Buôn Ma Thuột"));
    }

    @Test
    void cleanStoresNfcWithSingleSpaces() {
        String decomposed = Normalizer.normalize("  Thôn   Ea  Kao ", Normalizer.Form.NFD);
        String cleaned = VietnameseText.clean(decomposed);
        assertThat(cleaned).isEqualTo("Thôn Ea Kao");
        assertThat(Normalizer.isNormalized(cleaned, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void cleanRemovesControlCharactersAndTurnsTabsAndNewlinesIntoSpaces() {
        assertThat(VietnameseText.clean("Nguy\u0000ễn\u0007 Văn\u009F A")).isEqualTo("Nguyễn Văn A");
        assertThat(VietnameseText.clean("Thôn\t1\r\nBuôn\u000B 2\f")).isEqualTo("Thôn 1 Buôn 2");
        assertThat(VietnameseText.clean("\u0000\u001B")).isEmpty();
    }

    @Test
    void withoutControlsKeepsLineBreaksOfNotes() {
        assertThat(VietnameseText.withoutControls("Dòng 1\r\n\tDòng\u0000 2\u0085"))
                .isEqualTo("Dòng 1\r\n\tDòng 2");
    }

    @Test
    void cleanRemovesControlCharactersAndTurnsTabsIntoSpaces() {
        assertThat(VietnameseText.clean("Nguyễn\u0000 Văn\u0085\u007F\tAn\uFEFF\r\n"))
                .isEqualTo("Nguyễn Văn An");
    }

    @Test
    void cleanKeepsNullAndCleanOrEmptyDoesNot() {
        assertThat(VietnameseText.clean(null)).isNull();
        assertThat(VietnameseText.cleanOrEmpty(null)).isEmpty();
    }

    enum Kind {
        TO_DAN_PHO("Tổ dân phố"),
        VILLAGE("Thôn, tổ dân phố");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    @Test
    void choosesAConstantByCodeLabelOrTheLabelBeforeItsComma() {
        assertThat(VietnameseText.choose(Kind.values(), k -> k.label, "to dan pho"))
                .contains(Kind.TO_DAN_PHO);
        assertThat(VietnameseText.choose(Kind.values(), k -> k.label, "TỔ DÂN PHỐ"))
                .contains(Kind.TO_DAN_PHO);
        assertThat(VietnameseText.choose(Kind.values(), k -> k.label, "thôn")).contains(Kind.VILLAGE);
        assertThat(VietnameseText.choose(Kind.values(), k -> k.label, "làng")).isEmpty();
    }
}
