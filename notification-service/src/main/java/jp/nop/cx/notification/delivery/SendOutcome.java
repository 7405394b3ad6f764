package jp.nop.cx.notification.delivery;

import java.time.Duration;

/**
 * What happened to one delivery in a round.
 *
 * @param address where it went (mail address, inbox, webhook URL)
 * @param detail why it failed, was disabled or postponed
 * @param delay for RETRY the receiver's Retry-After (may be null), for POSTPONED how long to wait
 */
public record SendOutcome(Kind kind, String address, String detail, Duration delay) {

	public enum Kind {

		/** Delivered. */
		SENT,

		/** This attempt failed; retry on the schedule (or after {@code delay} if longer). */
		RETRY,

		/** Can never succeed; no retry. */
		FAILED,

		/** The endpoint is gone or disabled; nothing was attempted. */
		DISABLED,

		/** The receiver answered that it is gone (410): the attempt counts, and the endpoint is off. */
		GONE,

		/** Not attempted (circuit open); try again after {@code delay}, no attempt counted. */
		POSTPONED
	}

	public static SendOutcome sent(String address) {
		return new SendOutcome(Kind.SENT, address, null, null);
	}

	public static SendOutcome retry(String detail, Duration retryAfter) {
		return new SendOutcome(Kind.RETRY, null, detail, retryAfter);
	}

	public static SendOutcome failed(String detail) {
		return new SendOutcome(Kind.FAILED, null, detail, null);
	}

	public static SendOutcome disabled(String detail) {
		return new SendOutcome(Kind.DISABLED, null, detail, null);
	}

	public static SendOutcome gone(String address, String detail) {
		return new SendOutcome(Kind.GONE, address, detail, null);
	}

	public static SendOutcome postponed(String detail, Duration delay) {
		return new SendOutcome(Kind.POSTPONED, null, detail, delay);
	}
}
