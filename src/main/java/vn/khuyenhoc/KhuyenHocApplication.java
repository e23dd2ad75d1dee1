package vn.khuyenhoc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KhuyenHocApplication {

    public static void main(String[] args) {
        SpringApplication.run(KhuyenHocApplication.class, args);
    }
}
