package jp.nop.cx.enforcement.servicestatus;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;

import jp.nop.cx.platform.rules.RuleViolation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Declaring, ending and publishing service-status events (Art. 8, 9, 10, 11.3). */
@Service
public class ServiceStatusService {

	private static final Logger log = LoggerFactory.getLogger(ServiceStatusService.class);

	private final ServiceStatusRepository events;

	private final ServiceStatusProperties properties;

	private final Clock clock;

	ServiceStatusService(ServiceStatusRepository events, ServiceStatusProperties properties, Clock clock) {
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	public ServiceStatusEvent declare(Declaration declaration, String by) {
		ServiceStatusEvent event = this.events
			.save(ServiceStatusEvent.declare(declaration.toMillis(), by, now(), this.properties.maxBackdating()));
		log.info("Service-status event {} declared by {}: {} {} from {}", event.id(), by, event.kind(),
				event.reason(), event.startsAt());
		return event;
	}

	public ServiceStatusEvent end(String id, String by) {
		ServiceStatusEvent event = find(id);
		event.end(by, now());
		ServiceStatusEvent saved = this.events.save(event);
		log.info("Service-status event {} ended by {}", id, by);
		return saved;
	}

	public ServiceStatusEvent find(String id) {
		return this.events.findById(id)
			.orElseThrow(() -> RuleViolation.notFound("service status event").with("id", id));
	}

	public Page<ServiceStatusEvent> list(int page, int size) {
		return this.events.findAll(PageRequest.of(page, size, Sort.by(Sort.Order.desc("startsAt"), Sort.Order.asc("id"))));
	}

	/** What is in effect and what is announced, as of now. */
	public Board board() {
		Instant now = now();
		List<ServiceStatusEvent> notOver = this.events.findNotOverAt(now, Sort.by("startsAt", "id"));
		return new Board(now, notOver.stream().filter((e) -> e.stateAt(now) == State.ACTIVE).toList(),
				notOver.stream().filter((e) -> e.stateAt(now) == State.SCHEDULED).toList());
	}

	/**
	 * Publishes the state of every event the clock moved on (a scheduled event that started, an
	 * active one that reached its end) so that consumers that show state see it without anyone
	 * acting. A concurrent change is left to the next run.
	 */
	public int announceTransitions() {
		Instant now = now();
		int announced = 0;
		for (ServiceStatusEvent event : this.events.findTop100ByAnnouncedStateInAndNextTransitionAtLessThanEqual(
				EnumSet.of(State.SCHEDULED, State.ACTIVE), now)) {
			if (event.announceTransition(now)) {
				try {
					this.events.save(event);
					announced++;
				}
				catch (OptimisticLockingFailureException ex) {
					log.debug("Service-status event {} changed concurrently; next run", event.id());
				}
			}
		}
		return announced;
	}

	/** Mongo keeps milliseconds: so does every time compared and published here. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** The service status at {@code asOf}. */
	public record Board(Instant asOf, List<ServiceStatusEvent> current, List<ServiceStatusEvent> scheduled) {
	}
}
