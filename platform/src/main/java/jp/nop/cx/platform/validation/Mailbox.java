package jp.nop.cx.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A plain RFC 5321 mailbox ({@code Dot-string "@" Domain}, ASCII, at most 254 characters, local
 * part at most 64): no display name, no quoted local part, no address literal, no list. The mail
 * sender takes the value as one recipient, so {@code a,b@x} must not get through (Jakarta's
 * {@code @Email} and the JDK's {@code InternetAddress} accept far more). {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = TextRules.MailboxValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
		ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Mailbox {

	String message() default "{cx.validation.mailbox}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};
}
