package vn.khuyenhoc.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The API's OpenAPI 3.1 description ({@code /v3/api-docs}, browsable at {@code /api-docs}): springdoc reads the
 * controllers; this adds the Vietnamese title, a Vietnamese summary of every call (from {@code api-descriptions.properties},
 * keyed by method and path: a call without one fails {@code ApiDescriptionTests}), the two ways to sign in and the
 * problem-detail answers every call may give.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String SUMMARIES = "api-descriptions.properties";
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Bean
    OpenAPI khuyenHocApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Khuyến Học Số — API")
                        .version("v1")
                        .description("Sổ sách phong trào khuyến học, khuyến tài, xây dựng xã hội học tập của tỉnh:"
                                + " địa bàn, hộ gia đình, cơ quan đơn vị, dòng họ, chi hội và hội viên, các đợt công"
                                + " nhận danh hiệu học tập, chỉ tiêu và báo cáo. Mọi lời gọi chỉ thấy và sửa dữ liệu"
                                + " trong phạm vi của tài khoản; ngoài phạm vi trả lời 404. Lỗi trả về theo RFC 9457"
                                + " (problem details) với thông báo tiếng Việt nêu tên trường."))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("Mã truy cập cá nhân (khs_…), tạo ở trang Mã truy cập API hoặc"
                                                + " POST /api/v1/tokens"))
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description(
                                                "Tên đăng nhập và mật khẩu (để tương thích; chậm hơn mã truy cập)"))
                        .addSchemas("Problem", problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("token"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @Bean
    OpenApiCustomizer vietnameseSummariesAndProblems() {
        Properties summaries = summaries();
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> {
                for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                        item.readOperationsMap().entrySet()) {
                    Operation operation = entry.getValue();
                    String summary = summaries.getProperty(entry.getKey() + " " + path);
                    if (summary != null) {
                        operation.setSummary(summary);
                    }
                    if (path.startsWith("/api/v1/public/")) {
                        operation.setSecurity(java.util.List.of());
                    }
                    problem(operation, "400", "Dữ liệu không hợp lệ: thông báo nêu tên trường hoặc dòng");
                    problem(operation, "401", "Chưa đăng nhập, hoặc mã truy cập sai, đã thu hồi hay hết hạn");
                    problem(operation, "403", "Vai trò của tài khoản không được làm việc này");
                    problem(operation, "404", "Không có, hoặc ngoài phạm vi của tài khoản");
                    if (entry.getKey() != PathItem.HttpMethod.GET) {
                        problem(operation, "409", "Bản ghi đã được người khác sửa (phiên bản cũ) hoặc trùng");
                    }
                    problem(
                            operation,
                            "503",
                            "Máy chủ đang bận hoặc cơ sở dữ liệu tạm gián đoạn: thử lại sau Retry-After");
                }
            });
        };
    }

    private static void problem(Operation operation, String status, String description) {
        if (operation.getResponses() == null || operation.getResponses().containsKey(status)) {
            return;
        }
        operation
                .getResponses()
                .addApiResponse(
                        status,
                        new ApiResponse()
                                .description(description)
                                .content(new Content()
                                        .addMediaType(
                                                "application/problem+json",
                                                new MediaType().schema(new Schema<>().$ref(PROBLEM)))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem detail, in Vietnamese")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("field", new StringSchema().description("the field the message names, when one"));
    }

    static Properties summaries() {
        Properties summaries = new Properties();
        try (var reader =
                new InputStreamReader(new ClassPathResource(SUMMARIES).getInputStream(), StandardCharsets.UTF_8)) {
            summaries.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return summaries;
    }
}
