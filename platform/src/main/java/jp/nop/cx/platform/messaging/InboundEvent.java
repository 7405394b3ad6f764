package jp.nop.cx.platform.messaging;

import java.time.Instant;

/** A consumed event with the CloudEvents attributes that came with it. */
public record InboundEvent<T>(String id, String type, String source, String subject, Instant time, T payload) {
}
