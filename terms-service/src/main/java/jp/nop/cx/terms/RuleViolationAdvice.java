package jp.nop.cx.terms;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jp.nop.cx.platform.web.ProblemException;
import jp.nop.cx.platform.web.ProblemHandler;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers a {@link RuleViolation} of the domain as the platform's problem document. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleViolationAdvice {

	private final ProblemHandler problems;

	RuleViolationAdvice(ProblemHandler problems) {
		this.problems = problems;
	}

	@ExceptionHandler(RuleViolation.class)
	ResponseEntity<Object> ruleViolated(RuleViolation violation, HttpServletRequest request) {
		HttpStatus status = switch (violation.kind()) {
			case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
			case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
		};
		List<ProblemException.FieldError> errors = (violation.field() != null)
				? List.of(new ProblemException.FieldError(violation.field(), violation.code())) : List.of();
		ProblemException problem = new ProblemException(status, violation.code(), errors);
		violation.details().forEach(problem::with);
		return this.problems.problem(problem, request);
	}
}
