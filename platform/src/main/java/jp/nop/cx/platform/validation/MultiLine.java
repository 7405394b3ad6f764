package jp.nop.cx.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text of several lines, as a reason or a note is (SPEC 5): line feeds (also as CRLF) and tabs
 * are allowed; other control characters and bidirectional overrides or isolates are not.
 * {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = TextRules.MultiLineValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
		ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {

	String message() default "{cx.validation.multi-line}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};
}
