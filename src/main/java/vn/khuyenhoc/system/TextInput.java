package vn.khuyenhoc.system;

import java.beans.PropertyEditorSupport;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * Every text that comes in, as a form field, a query parameter or a JSON string, loses its control characters
 * before a controller sees it: PostgreSQL refuses NUL in text (a 500 otherwise), and the others mean nothing in a
 * record. Tabs and line breaks stay, so that notes keep their lines; names are cleaned further by
 * {@link VietnameseText#clean}.
 */
@ControllerAdvice
class TextInput {

    @InitBinder
    void withoutControls(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(VietnameseText.withoutControls(text));
            }
        });
    }

    @Bean
    static JacksonModule textWithoutControls() {
        return new SimpleModule("text-without-controls").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) {
                String text = super.deserialize(parser, context);
                return text == null ? null : VietnameseText.withoutControls(text);
            }
        });
    }
}
