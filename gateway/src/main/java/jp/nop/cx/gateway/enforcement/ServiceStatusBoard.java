package jp.nop.cx.gateway.enforcement;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.ServiceStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Art. 8, 9, 10, 11.3: the declared service-status events, as the compacted
 * {@code service-status-changed} topic last said, and what they mean for one request at one
 * instant. Time decides, not a person: a scheduled event applies from its {@code startsAt}, and no
 * longer after its {@code endsAt} or once ENDED.
 */
@Component
public class ServiceStatusBoard {

	private static final Logger log = LoggerFactory.getLogger(ServiceStatusBoard.class);

	private static final List<String> WITHDRAWN = List.of("ENDED", "CANCELLED", "CANCELED");

	private final ConcurrentMap<String, ServiceStatusChanged> events = new ConcurrentHashMap<>();

	public void apply(ServiceStatusChanged event) {
		if (event.eventId() == null) {
			return;
		}
		if (event.state() != null && WITHDRAWN.contains(event.state().toUpperCase(Locale.ROOT))) {
			this.events.remove(event.eventId());
		}
		else if (Kind.of(event.kind()).isEmpty()) {
			log.warn("Ignoring service-status event {} of unknown kind {}", event.eventId(), event.kind());
		}
		else {
			this.events.put(event.eventId(), event);
		}
	}

	/**
	 * The answer the gateway gives instead of routing, if an event in force covers
	 * {@code capability}; the gravest wins when several do.
	 */
	public Optional<Outage> outage(Capability capability, boolean write, Instant now) {
		return this.events.values()
			.stream()
			.filter((event) -> inForce(event, now) && covers(event, capability))
			.map((event) -> new Outage(Kind.of(event.kind()).orElseThrow(), event))
			.filter((outage) -> write || outage.kind() != Kind.RESTRICTION)
			.max(Comparator.comparing(Outage::kind).thenComparing(Outage::lastsUntil));
	}

	static boolean inForce(ServiceStatusChanged event, Instant now) {
		return event.startsAt() != null && !now.isBefore(event.startsAt())
				&& (event.endsAt() == null || now.isBefore(event.endsAt()));
	}

	static boolean covers(ServiceStatusChanged event, Capability capability) {
		return event.all() || (event.capabilities() != null && event.capabilities().contains(capability));
	}

	/** The kinds of SPEC section 3, least grave first. */
	public enum Kind {

		/** Art. 11.3: restricted for the public good; reading still works. */
		RESTRICTION,

		/** Art. 10: stopped for version-ups and maintenance, until {@code endsAt}. */
		MAINTENANCE,

		/** Art. 8: provision suspended. */
		INTERRUPTION,

		/** Art. 9: abolished from its effective time on. */
		DISCONTINUATION;

		static Optional<Kind> of(String name) {
			if (name == null) {
				return Optional.empty();
			}
			try {
				return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}
	}

	/** An event in force for a request: what it is and until when it lasts (if known). */
	public record Outage(Kind kind, ServiceStatusChanged event) {

		Instant lastsUntil() {
			return (this.event.endsAt() != null) ? this.event.endsAt() : Instant.MAX;
		}

		/** Time left until the announced end, if there is one. */
		public Optional<Duration> remaining(Instant now) {
			return (this.event.endsAt() != null) ? Optional.of(Duration.between(now, this.event.endsAt()))
					: Optional.empty();
		}
	}
}
