package vn.khuyenhoc.shared;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Turns an XHTML page (a Thymeleaf template written as well-formed XML) into a PDF with its fonts embedded, so that
 * Vietnamese reads the same on every printer: Noto Sans for ordinary pages, Liberation Serif (metric-compatible with
 * Times New Roman, as Nghị định 30/2020/NĐ-CP prescribes for official documents) for reports and decisions. The fonts
 * are subset: a file carries only the glyphs it uses.
 */
public final class PdfDocument {

    /** The family a template's CSS names: {@code font-family: 'Noto Sans'}. */
    public static final String FONT = "Noto Sans";

    /** The serif of official documents: {@code font-family: 'Liberation Serif'}. */
    public static final String OFFICIAL_FONT = "Liberation Serif";

    private static final byte[] REGULAR = font("NotoSans-Regular.ttf");
    private static final byte[] BOLD = font("NotoSans-Bold.ttf");
    private static final byte[] SERIF = font("LiberationSerif-Regular.ttf");
    private static final byte[] SERIF_BOLD = font("LiberationSerif-Bold.ttf");
    private static final byte[] SERIF_ITALIC = font("LiberationSerif-Italic.ttf");
    private static final byte[] SERIF_BOLD_ITALIC = font("LiberationSerif-BoldItalic.ttf");

    private PdfDocument() {}

    public static void render(String xhtml, OutputStream out) {
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT, 700, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(SERIF), OFFICIAL_FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(SERIF_BOLD), OFFICIAL_FONT, 700, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(SERIF_ITALIC), OFFICIAL_FONT, 400, FontStyle.ITALIC, true);
            builder.useFont(
                    () -> new ByteArrayInputStream(SERIF_BOLD_ITALIC), OFFICIAL_FONT, 700, FontStyle.ITALIC, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String name) {
        try (InputStream in = PdfDocument.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the build: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
