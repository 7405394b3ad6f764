package jp.nop.cx.enforcement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Enforcement of Art. 7 (cases, measures, standing), and the service availability of Art. 8, 9,
 * 10 and 11.3 (interruptions, discontinuations, maintenance, restrictions).
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class EnforcementServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(EnforcementServiceApplication.class, args);
	}
}
