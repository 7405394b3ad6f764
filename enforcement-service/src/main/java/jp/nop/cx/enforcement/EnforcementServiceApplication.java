package jp.nop.cx.enforcement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class EnforcementServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(EnforcementServiceApplication.class, args);
	}
}
