package jp.nop.cx.test.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.platform.security.CxPrincipal;
import jp.nop.cx.platform.security.SecurityRules;
import jp.nop.cx.platform.validation.Mailbox;
import jp.nop.cx.platform.validation.MultiLine;
import jp.nop.cx.platform.validation.SingleLine;
import jp.nop.cx.platform.web.ProblemException;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal servlet service on the platform, to test what every service answers alike. */
@SpringBootApplication
public class ProblemApp {

	enum Colour {
		RED, GREEN
	}

	record Greeting(@NotBlank @Size(max = 20) @SingleLine String name, Colour colour, int count,
			java.time.LocalDate on, Boolean subscribed, @MultiLine String message, @Mailbox String email) {
	}

	@Bean
	SecurityRules openEcho() {
		return (rules) -> rules.requestMatchers(HttpMethod.POST, "/echo", "/refusals/*").permitAll();
	}

	@RestController
	static class EchoController {

		@PostMapping("/echo")
		Greeting echo(@Valid @RequestBody Greeting greeting) {
			return greeting;
		}

		@GetMapping("/partners/{partnerId}/secret")
		String secret(@PathVariable String partnerId, CxPrincipal principal) {
			principal.requireAccessTo(partnerId);
			return "secret of " + partnerId;
		}

		@GetMapping("/operator-only")
		String operatorOnly(CxPrincipal principal) {
			principal.requireOperator();
			return "ok";
		}

		@PostMapping("/refusals/{kind}")
		String refuse(@PathVariable RuleViolation.Kind kind) {
			throw switch (kind) {
				case INVALID -> RuleViolation.invalid("effectiveOn", "notice-period", 30).with("earliestEffectiveOn",
						"2027-01-31");
				case NOT_FOUND -> RuleViolation.notFound("partner");
				case LOCKED -> new RuleViolation(kind, "sign-in-locked", 7).retryAfter(7);
				default -> new RuleViolation(kind, "some-rule");
			};
		}

		@PostMapping("/conflict")
		String conflict() {
			throw new ProblemException(HttpStatus.CONFLICT, "duplicate").with("existingId", "42");
		}
	}
}
