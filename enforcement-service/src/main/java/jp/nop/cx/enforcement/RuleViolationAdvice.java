package jp.nop.cx.enforcement;

import jakarta.servlet.http.HttpServletRequest;
import jp.nop.cx.platform.web.ProblemException;
import jp.nop.cx.platform.web.ProblemHandler;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a {@link RuleViolation} in the platform's problem shape: a conflict as 409 with its own
 * problem type, invalid input as the platform's 422 {@code validation} problem naming the field,
 * with a message in the request's language ({@code rule.<code>} in messages*.properties).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleViolationAdvice {

	private final ProblemHandler problems;

	private final MessageSource messages;

	RuleViolationAdvice(ProblemHandler problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@ExceptionHandler(RuleViolation.class)
	ResponseEntity<Object> ruleViolation(RuleViolation violation, HttpServletRequest request) {
		ProblemException problem = switch (violation.kind()) {
			case CONFLICT -> new ProblemException(HttpStatus.CONFLICT, violation.code(), violation.args());
			case INVALID -> ProblemException.invalid(violation.field(), this.messages.getMessage(
					"rule." + violation.code(), violation.args(), violation.code(), ProblemHandler.locale(request)));
		};
		if (violation.kind() == RuleViolation.Kind.INVALID) {
			problem.with("rule", violation.code());
		}
		return this.problems.problem(problem, request);
	}

}
