package jp.nop.cx.registration.partner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A Japanese telephone number, e.g. 03-1234-5678 or +81 90-1234-5678. Absent or blank values pass: {@code @NotBlank} says whether one is required. */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PhoneNumberFormat.Validator.class)
public @interface PhoneNumberFormat {

	String message() default "must be a Japanese telephone number like 03-1234-5678";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PhoneNumberFormat, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || PhoneNumber.isValid(value);
		}
	}
}
