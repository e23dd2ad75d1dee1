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

    public String upload(@Nullable MultipartFile file, boolean dryRun, Model model, Importer importer)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", "Hãy chọn một tệp Excel hoặc CSV.");
            return show(model, null);
        }
        try {
            ImportResult result = importer.run(TabularFile.read(file), dryRun);
            model.addAttribute("dryRun", dryRun);
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
