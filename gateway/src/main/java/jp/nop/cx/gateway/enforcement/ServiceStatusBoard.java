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

	private final ConcurrentMap<String, ServiceStatusEvent> events = new ConcurrentHashMap<>();

	public void apply(ServiceStatusChanged change) {
		if (change.eventId() == null) {
			return;
		}
		if (change.state() != null && WITHDRAWN.contains(change.state().toUpperCase(Locale.ROOT))) {
			this.events.remove(change.eventId());
			return;
		}
		Kind.of(change.kind())
			.map((kind) -> ServiceStatusEvent.of(kind, change))
			.ifPresentOrElse((event) -> this.events.put(event.id(), event), () -> log
				.warn("Ignoring service-status event {} of unknown kind {}", change.eventId(), change.kind()));
	}

	/**
	 * The service-status event in force that makes the gateway answer instead of routing, if one
	 * covers {@code capability}; the gravest wins when several do.
	 */
	public Optional<ServiceStatusEvent> eventInForce(Capability capability, boolean write, Instant now) {
		return this.events.values()
			.stream()
			.filter((event) -> event.inForce(now) && event.covers(capability))
			.filter((event) -> write || event.kind() != Kind.RESTRICTION)
			.max(Comparator.comparing(ServiceStatusEvent::kind).thenComparing(ServiceStatusEvent::lastsUntil));
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

	/**
	 * A service-status event as the gateway keeps it: the last state the compacted topic gave,
	 * judged against the clock at every request.
	 */
	public record ServiceStatusEvent(String id, Kind kind, String reason, boolean all, List<Capability> capabilities,
			Instant startsAt, Instant endsAt) {

		static ServiceStatusEvent of(Kind kind, ServiceStatusChanged change) {
			return new ServiceStatusEvent(change.eventId(), kind, change.reason(), change.all(),
					(change.capabilities() != null) ? List.copyOf(change.capabilities()) : List.of(), change.startsAt(),
					change.endsAt());
		}

		boolean inForce(Instant now) {
			return this.startsAt != null && !now.isBefore(this.startsAt)
					&& (this.endsAt == null || now.isBefore(this.endsAt));
		}

		boolean covers(Capability capability) {
			return this.all || this.capabilities.contains(capability);
		}

		Instant lastsUntil() {
			return (this.endsAt != null) ? this.endsAt : Instant.MAX;
		}

		/** Time left until the announced end, if there is one. */
		public Optional<Duration> remaining(Instant now) {
			return (this.endsAt != null) ? Optional.of(Duration.between(now, this.endsAt)) : Optional.empty();
		}
	}
}
