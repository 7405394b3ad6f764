package jp.nop.cx.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * One line of text, as a name or a title is (SPEC 5): no line break, no other control character,
 * no bidirectional override or isolate. Such text is quoted in notices and mail, where a line
 * break would let it pose as a paragraph of NOP's own and an override would reverse what a reader
 * sees. {@code null} is valid (combine with {@code @NotBlank}).
 */
@Documented
@Constraint(validatedBy = TextRules.SingleLineValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
		ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

	String message() default "{cx.validation.single-line}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};
}
