package jp.nop.cx.notification.delivery;

import java.time.Instant;

/** One try to deliver, kept on the delivery as proof of notice. */
public record Attempt(Instant at, String outcome, String detail) {
}
