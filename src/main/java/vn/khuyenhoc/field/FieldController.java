package vn.khuyenhoc.field;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The field app's shell. It holds no personal data and no token, so that the service worker may keep it: the data
 * comes from {@code /field/api/bundle} into the phone's IndexedDB, the CSRF token from {@code /field/api/me}.
 */
@Controller
class FieldController {

    @GetMapping("/field")
    String app() {
        return "field/app";
    }
}
