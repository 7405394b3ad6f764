package jp.nop.cx.registration;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jp.nop.cx.platform.web.ProblemException;
import jp.nop.cx.platform.web.ProblemHandler;
import jp.nop.cx.registration.partner.RuleViolation;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a refusal by the rules of the terms as a problem document: 409 when the record's state
 * forbids it, 422 when what was asked is not allowed, with the rule's code as problem type.
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
	ResponseEntity<Object> refused(RuleViolation violation, HttpServletRequest request) {
		HttpStatus status = (violation.kind() == RuleViolation.Kind.CONFLICT) ? HttpStatus.CONFLICT
				: HttpStatus.UNPROCESSABLE_CONTENT;
		List<ProblemException.FieldError> errors = (violation.field() != null)
				? List.of(new ProblemException.FieldError(violation.field(), this.messages.getMessage(
						"problem." + violation.code() + ".title", null, violation.code(), ProblemHandler.locale(request))))
				: List.of();
		ProblemException problem = new ProblemException(status, violation.code(), errors, violation.args());
		violation.members().forEach(problem::with);
		return this.problems.problem(problem, request);
	}
}
