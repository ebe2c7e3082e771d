package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare Spring Boot web app: the reference that bench/startup.sh starts the same way as the service. */
@SpringBootApplication
public class BareApp {
    public static void main(String[] args) {
        SpringApplication.run(BareApp.class, args);
    }
}
