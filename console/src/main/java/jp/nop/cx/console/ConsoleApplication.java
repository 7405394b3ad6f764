package jp.nop.cx.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The portal's web console (SPEC section 3, console): server-rendered pages in front of the
 * public API. It owns no data: every page is made of answers of the gateway, called with the
 * signed-in user's token, so enforcement and rate limits apply here as anywhere.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

	public static void main(String[] args) {
		SpringApplication.run(ConsoleApplication.class, args);
	}

}
