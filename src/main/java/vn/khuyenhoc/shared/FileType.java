package vn.khuyenhoc.shared;

import org.jspecify.annotations.Nullable;

/**
 * The type of an evidence file (PDF, JPEG, PNG) read from its first bytes, never from the name or the content type
 * the browser declares: a page or a script renamed {@code .pdf} must not be kept and served back as evidence.
 */
public final class FileType {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    private FileType() {}

    /** PDF, JPEG or PNG by the file's signature; null for anything else. */
    public static @Nullable String of(byte[] content) {
        if (content.length > 4 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F') {
            return PDF;
        }
        if (content.length > 3
                && (content[0] & 0xFF) == 0xFF
                && (content[1] & 0xFF) == 0xD8
                && (content[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (content.length > 8
                && (content[0] & 0xFF) == 0x89
                && content[1] == 'P'
                && content[2] == 'N'
                && content[3] == 'G') {
            return PNG;
        }
        return null;
    }
}
