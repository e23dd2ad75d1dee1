package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.IntegrationTest;

/**
 * The OpenAPI description covers every call in Vietnamese, and real answers of the main calls carry only the fields it
 * describes, so that the description cannot drift from the code.
 */
@IntegrationTest
class ApiDescriptionTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JsonMapper json;

    @Test
    void everyCallIsDescribedWithAVietnameseSummaryTheWaysToSignInAndItsProblems() throws Exception {
        JsonNode api = description();
        assertThat(api.get("openapi").asString()).startsWith("3.1");
        assertThat(api.at("/components/securitySchemes/token/scheme").asString())
                .isEqualTo("bearer");
        Properties summaries = ApiDescription.summaries();
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>(summaries.stringPropertyNames());
        for (String path : api.get("paths").propertyNames()) {
            for (String method : api.get("paths").get(path).propertyNames()) {
                String key = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
                JsonNode operation = api.get("paths").get(path).get(method);
                stale.remove(key);
                if (!operation.has("summary")
                        || operation.get("summary").asString().isBlank()) {
                    missing.add(key);
                }
                assertThat(operation.at("/responses/404/content")).as(key).isNotNull();
                assertThat(operation.at("/responses/401/description").asString())
                        .as(key)
                        .isNotBlank();
            }
        }
        assertThat(missing)
                .as("calls without a Vietnamese summary in " + ApiDescription.SUMMARIES)
                .isEmpty();
        assertThat(stale).as("summaries of calls that no longer exist").isEmpty();
        assertThat(api.get("paths").has("/api/v1/families")).isTrue();
        assertThat(api.get("paths").has("/api/v1/tokens")).isTrue();
        assertThat(mvc.get().uri("/api-docs")).hasStatus3xxRedirection();
    }

    @Test
    void realAnswersOfTheMainCallsCarryOnlyDescribedFields() throws Exception {
        JsonNode api = description();
        check(api, "/api/v1/localities/{code}", "/api/v1/localities/66");
        check(api, "/api/v1/localities", "/api/v1/localities?parent=66");
        check(api, "/api/v1/families", "/api/v1/families?locality=24133");
        check(api, "/api/v1/organizations", "/api/v1/organizations");
        check(api, "/api/v1/chapters", "/api/v1/chapters");
        check(api, "/api/v1/rounds", "/api/v1/rounds");
        check(api, "/api/v1/tokens", "/api/v1/tokens");
        check(api, "/api/v1/indicators/catalogue", "/api/v1/indicators/catalogue");
        check(api, "/api/v1/public/summary", "/api/v1/public/summary?year=2025");
    }

    private JsonNode description() throws Exception {
        String body = mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private void check(JsonNode api, String path, String uri) throws Exception {
        var result = mvc.get()
                .uri(uri)
                .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .exchange();
        assertThat(result.getResponse().getStatus()).as(uri).isEqualTo(200);
        JsonNode answer = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        JsonNode schema = api.at("/paths/" + path.replace("~", "~0").replace("/", "~1") + "/get/responses/200/content");
        assertThat(schema.isMissingNode()).as("200 of " + path + " described").isFalse();
        JsonNode media = schema.propertyNames().iterator().hasNext()
                ? schema.get(schema.propertyNames().iterator().next()).get("schema")
                : null;
        assertThat(media).as("schema of " + path).isNotNull();
        List<String> undescribed = new ArrayList<>();
        conforms(api, media, answer, path, undescribed);
        assertThat(undescribed)
                .as("fields of " + uri + " that the description does not name")
                .isEmpty();
    }

    /** Every field of the answer is named by the schema (after $ref), recursively through objects and arrays. */
    private void conforms(JsonNode api, JsonNode schema, JsonNode value, String where, List<String> undescribed) {
        schema = resolve(api, schema);
        JsonNode choices = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
        if (choices != null) {
            List<String> best = null;
            for (JsonNode choice : choices) {
                List<String> missed = new ArrayList<>();
                conforms(api, choice, value, where, missed);
                if (best == null || missed.size() < best.size()) {
                    best = missed;
                }
            }
            if (best != null) {
                undescribed.addAll(best);
            }
            return;
        }
        if (value.isArray()) {
            JsonNode items = schema.get("items");
            if (items == null) {
                undescribed.add(where + "[] (no items)");
                return;
            }
            for (JsonNode element : value) {
                conforms(api, items, element, where + "[]", undescribed);
            }
            return;
        }
        if (!value.isObject()) {
            return;
        }
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        Iterator<String> names = value.propertyNames().iterator();
        while (names.hasNext()) {
            String name = names.next();
            if (properties != null && properties.has(name)) {
                conforms(api, properties.get(name), value.get(name), where + "." + name, undescribed);
            } else if (additional != null && !additional.isBoolean()) {
                conforms(api, additional, value.get(name), where + "." + name, undescribed);
            } else if (additional == null || !additional.asBoolean()) {
                undescribed.add(where + "." + name);
            }
        }
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        while (schema.has("$ref")) {
            schema = api.at(schema.get("$ref").asString().substring(1));
        }
        return schema;
    }
}
