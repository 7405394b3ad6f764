package jp.nop.cx.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A payload published on one of the topics of SPEC section 4.
 * The record's components are the JSON body; the envelope (CloudEvents binary mode) is
 * carried in Kafka headers by the platform.
 */
public interface CxEvent {

	/** Kafka record key: the partner ID where there is one, so a partner's events stay in order. */
	@JsonIgnore
	String partitionKey();

	/** CloudEvents subject: what the event is about. */
	@JsonIgnore
	default String subject() {
		return partitionKey();
	}
}
