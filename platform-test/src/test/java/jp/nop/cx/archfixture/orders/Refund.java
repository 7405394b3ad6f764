package jp.nop.cx.archfixture.orders;

import org.springframework.http.HttpStatus;

/** Fixture: a value that only carries the HttpStatus of a refusal (exempt). */
public record Refund(HttpStatus status) {
}
