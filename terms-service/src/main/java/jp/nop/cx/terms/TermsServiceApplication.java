package jp.nop.cx.terms;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class TermsServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(TermsServiceApplication.class, args);
	}
}
