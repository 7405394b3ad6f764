package jp.nop.cx.platform.messaging;

/** Remembers which events a consumer has processed, so a redelivery changes nothing. */
public interface ProcessedEvents {

	boolean isProcessed(String consumer, String eventId);

	void markProcessed(String consumer, String eventId);
}
