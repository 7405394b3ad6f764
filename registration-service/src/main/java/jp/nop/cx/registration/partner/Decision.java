package jp.nop.cx.registration.partner;

import java.time.Instant;

/** An operator's decision (approval, rejection, consent, refusal): who, when and why. */
public record Decision(String decidedBy, Instant decidedAt, String reason) {
}
