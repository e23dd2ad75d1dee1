package vn.khuyenhoc.evaluation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.khuyenhoc.criteria.CriteriaService;
import vn.khuyenhoc.criteria.CriteriaSet;
import vn.khuyenhoc.criteria.TitleLevel;
import vn.khuyenhoc.shared.ExportFormat;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.PdfDocument;
import vn.khuyenhoc.shared.QrCode;
import vn.khuyenhoc.shared.TableWriter;

/**
 * The papers of a decision: the decision itself in the official layout (national motto, issuing body, number and
 * symbol, place and date, articles, recipients, signature) with its attached list, the list as a spreadsheet, and the
 * certificates, one A4 landscape page each with a QR code to the public verification page.
 */
@Component
class DecisionDocuments {

    private final ITemplateEngine templates;
    private final CriteriaService criteria;
    private final DecisionRepository decisions;
    private final String publicUrl;

    DecisionDocuments(
            ITemplateEngine templates,
            CriteriaService criteria,
            DecisionRepository decisions,
            @Value("${khuyenhoc.public-url}") String publicUrl) {
        this.templates = templates;
        this.criteria = criteria;
        this.decisions = decisions;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The decision as PDF (with its list) or its list as XLSX, as the answer of a request. */
    void send(Decision decision, Round round, String format, HttpServletResponse response) throws IOException {
        String name = "quyet-dinh-" + decision.number().replaceAll("[^0-9A-Za-z]+", "-");
        if ("xlsx".equalsIgnoreCase(format)) {
            ExportFormat.XLSX.attach(response, name + "-danh-sach");
            listSpreadsheet(decision, round, response.getOutputStream());
        } else if ("pdf".equalsIgnoreCase(format)) {
            inlinePdf(response, name);
            decisionPdf(decision, round, response.getOutputStream());
        } else {
            throw new InvalidInputException("format", "Định dạng “" + format + "” không có: chọn pdf hoặc xlsx.");
        }
    }

    /** Certificates as the answer of a request: one file to print, named after {@code name}. */
    void sendCertificates(
            Decision decision,
            Round round,
            List<Decision.Certificate> certificates,
            String name,
            HttpServletResponse response)
            throws IOException {
        inlinePdf(response, "giay-chung-nhan-" + name.replaceAll("[^0-9A-Za-z]+", "-"));
        certificatesPdf(decision, round, certificates, response.getOutputStream());
    }

    private static void inlinePdf(HttpServletResponse response, String name) {
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"" + name + ".pdf\"");
    }

    void decisionPdf(Decision decision, Round round, OutputStream out) {
        PdfDocument.render(
                templates.process("evaluation/decision-pdf", context(decision, round, decision.certificates())), out);
    }

    void listSpreadsheet(Decision decision, Round round, OutputStream out) {
        try (TableWriter writer = new TableWriter(
                ExportFormat.XLSX,
                out,
                "Danh sách kèm QĐ",
                List.of(
                        "STT",
                        subjectHeading(round.level()),
                        "Địa bàn",
                        "Kết quả",
                        "Mã giấy chứng nhận",
                        "Hiệu lực đến",
                        "Quyết định số",
                        "Ngày ký"))) {
            int n = 0;
            for (Decision.Certificate c : decision.certificates()) {
                writer.row(Arrays.asList(
                        ++n,
                        c.subjectName(),
                        c.localityName(),
                        c.result().label(),
                        c.code(),
                        c.validUntil(),
                        decision.number(),
                        decision.decidedOn()));
            }
        }
    }

    /** The certificates given, as one printable file (one page each). */
    void certificatesPdf(Decision decision, Round round, List<Decision.Certificate> certificates, OutputStream out) {
        Context context = context(decision, round, certificates);
        Map<String, String> qr = new HashMap<>();
        certificates.forEach(c -> qr.put(c.code(), QrCode.dataUri(verifyUrl(c.code()), 4)));
        context.setVariable("qr", qr);
        context.setVariable("verifyBase", publicUrl + "/verify/");
        PdfDocument.render(templates.process("evaluation/certificates-pdf", context), out);
    }

    String verifyUrl(String code) {
        return publicUrl + "/verify/" + code;
    }

    private Context context(Decision decision, Round round, List<Decision.Certificate> certificates) {
        CriteriaSet set = criteria.get(round.criteriaSetId());
        Context context = new Context(Locale.forLanguageTag("vi"));
        context.setVariable("decision", decision);
        context.setVariable("round", round);
        context.setVariable("set", set);
        context.setVariable("certificates", certificates);
        context.setVariable("dateline", decision.place() + ", " + Dates.spelled(decision.decidedOn()));
        context.setVariable("decidedOn", Dates.day(decision.decidedOn()));
        context.setVariable("heading", decision.signerTitle() + " " + decision.issuingBody());
        context.setVariable("subjects", subjectNoun(round.level()));
        context.setVariable("subjectHeading", subjectHeading(round.level()));
        context.setVariable(
                "signedBy",
                round.authority().phrase(round.localityName(), decisions.provinceName(round.localityPath())));
        context.setVariable("household", round.level() == TitleLevel.HOUSEHOLD);
        context.setVariable(
                "validUntil",
                certificates.isEmpty() ? "" : Dates.day(certificates.get(0).validUntil()));
        context.setVariable("today", LocalDate.now());
        return context;
    }

    /** What Article 1 recognises: “7,992 hộ gia đình”. */
    static String subjectNoun(TitleLevel level) {
        return switch (level) {
            case HOUSEHOLD -> "hộ gia đình";
            case CLAN -> "dòng họ, hội đồng hương, cơ sở tôn giáo";
            case VILLAGE -> "thôn, buôn, tổ dân phố";
            case COMMUNE -> "xã, phường";
            case COMMUNE_MANAGED, PROVINCE_MANAGED -> "cơ quan, đơn vị";
        };
    }

    static String subjectHeading(TitleLevel level) {
        return switch (level) {
            case HOUSEHOLD -> "Hộ gia đình (chủ hộ)";
            case CLAN -> "Dòng họ, hội đồng hương, cơ sở tôn giáo";
            case VILLAGE -> "Thôn, buôn, tổ dân phố";
            case COMMUNE -> "Xã, phường";
            case COMMUNE_MANAGED, PROVINCE_MANAGED -> "Cơ quan, đơn vị";
        };
    }
}
