package jp.nop.cx.terms;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The terms of use of the NOP CX portal: published versions and supplementary terms (preamble,
 * Art. 1.2, 1.3, 16), and the partners' acceptance of them, explicit or deemed by use (Art. 2.2,
 * 16.3).
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class TermsServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(TermsServiceApplication.class, args);
	}
}
