package vn.khuyenhoc.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page every registry shows (template {@code shared/import}): its texts and columns, the handling of an
 * uploaded file (read, dry run or save, every row error shown), and the download of its XLSX template. {@code
 * confirmLabel} is the tick that saves a file despite its warnings (the importer reads it as a request parameter).
 */
public record ImportPage(
        String title,
        String path,
        String templateName,
        List<ImportColumns.Column> columns,
        @Nullable String confirmLabel) {

    /** A page whose imports have no warnings to confirm. */
    public ImportPage(String title, String path, String templateName, List<ImportColumns.Column> columns) {
        this(title, path, templateName, columns, null);
    }

    /** What a registry does with a file that was read: check it, and save it unless {@code dryRun}. */
    @FunctionalInterface
    public interface Importer {
        ImportResult run(TabularFile file, boolean dryRun);
    }

    public String show(Model model, @Nullable ImportResult result) {
        model.addAttribute("title", title);
        model.addAttribute("action", path + "/import");
        model.addAttribute("templateUrl", path + "/import/template.xlsx");
        model.addAttribute("columns", columns);
        model.addAttribute("back", path);
        model.addAttribute("result", result);
        model.addAttribute("confirmLabel", confirmLabel);
        return "shared/import";
    }

    /**
     * Reads the file chosen, or the one a dry run kept ({@code heldFile}, a token of {@link HeldUploads}) when none is
     * chosen, and runs the import. A file the dry run found valid, or whose warnings await confirmation, is kept for the
     * save, so that the person need not choose it again; a saved or invalid file is forgotten.
     */
    public String upload(
            @Nullable MultipartFile file,
            @Nullable String heldFile,
            boolean dryRun,
            Model model,
            HeldUploads held,
            SignedInUser user,
            Importer importer)
            throws IOException {
        String fileName;
        byte[] content;
        if (file != null && !file.isEmpty()) {
            fileName = file.getOriginalFilename() == null ? "tep" : file.getOriginalFilename();
            content = file.getBytes();
        } else if (heldFile != null && !heldFile.isBlank()) {
            var kept = held.find(heldFile, user.getUsername());
            if (kept.isEmpty()) {
                model.addAttribute(
                        "problem",
                        "Tệp đã kiểm tra không còn được giữ (quá " + HeldUploads.KEPT.toMinutes()
                                + " phút hoặc đã lưu). Hãy chọn lại tệp.");
                return show(model, null);
            }
            fileName = kept.get().fileName();
            content = kept.get().content();
        } else {
            model.addAttribute("problem", "Hãy chọn một tệp Excel hoặc CSV.");
            return show(model, null);
        }
        try {
            ImportResult result = importer.run(TabularFile.read(fileName, content), dryRun);
            model.addAttribute("dryRun", dryRun);
            held.release(heldFile, user.getUsername());
            if (result.valid() && (dryRun || result.awaitsConfirmation(false))) {
                model.addAttribute("heldFile", held.hold(fileName, content, user.getUsername()));
                model.addAttribute("heldFileName", fileName);
            }
            return show(model, result);
        } catch (InvalidInputException e) {
            model.addAttribute("problem", e.getMessage());
            return show(model, null);
        }
    }

    /**
     * A template with rows already filled (a roster to tick) and a reference sheet of the codes the user may use.
     */
    public void template(
            HttpServletResponse response,
            List<List<String>> rows,
            String referenceSheet,
            List<String> referenceHeaders,
            List<List<String>> reference)
            throws IOException {
        ExportFormat.XLSX.attach(response, templateName);
        TableWriter.template(
                response.getOutputStream(),
                columns.stream().map(ImportColumns.Column::header).toList(),
                rows,
                referenceSheet,
                referenceHeaders,
                reference);
    }

    /** The template: the column headers, and the codes of the localities the user may use on a second sheet. */
    public void template(HttpServletResponse response, List<List<String>> localities) throws IOException {
        ExportFormat.XLSX.attach(response, templateName);
        TableWriter.template(
                response.getOutputStream(),
                columns.stream().map(ImportColumns.Column::header).toList(),
                localities);
    }
}
