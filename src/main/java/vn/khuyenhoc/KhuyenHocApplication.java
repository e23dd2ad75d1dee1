package vn.khuyenhoc;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KhuyenHocApplication {

    static {
        // "today" is Vietnam's day wherever the server runs: between 0:00 and 7:00 in Đắk Lắk a UTC server would
        // still be on yesterday, refusing a decision signed today and dating reports a day early
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(KhuyenHocApplication.class);
        if (vn.khuyenhoc.system.MaintenanceCommands.requested(args)) {
            // --backup / --restore: the database only, no web server, then stop
            application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        }
        // the embedded database starts on its own thread while the context is built (not in tests: they make it later)
        application.addInitializers(new vn.khuyenhoc.system.EarlyDatabaseStart());
        application.run(args);
    }
}
