package jp.nop.cx.gateway.audit;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jp.nop.cx.events.AuditRecorded;
import jp.nop.cx.gateway.messaging.CloudEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gateway's audit entries on their way to Kafka. The gateway has no database, so the entries
 * wait in memory, each retried (same {@code ce_id}, growing backoff) until the broker acknowledged
 * it ({@code acks=all}); enforcement-service stores an event ID once, so a resend after a lost
 * acknowledgement is harmless.
 * <p>
 * Bounded: a place is reserved before a write is let through ({@link #reserve()}), and given back
 * only when its entry was acknowledged. With every place taken (Kafka away for long), writes are
 * refused before they reach a service, so nothing is done that could not be recorded. A stopping
 * gateway waits up to the drain timeout for what is still waiting.
 */
public class AuditBuffer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditBuffer.class);

	private final CloudEventPublisher publisher;

	private final AuditProperties properties;

	private final Semaphore places;

	private final Counter refused;

	private volatile boolean running;

	public AuditBuffer(CloudEventPublisher publisher, AuditProperties properties, MeterRegistry meters) {
		this.publisher = publisher;
		this.properties = properties;
		this.places = new Semaphore(properties.capacity());
		Gauge.builder("cx.gateway.audit.pending", this, AuditBuffer::pending)
			.description("audit entries waiting for the broker's acknowledgement")
			.register(meters);
		this.refused = Counter.builder("cx.gateway.audit.refused")
			.description("writes refused because the audit buffer was full")
			.register(meters);
	}

	/** Takes a place for one entry; false when the buffer is full (the write must be refused). */
	boolean reserve() {
		if (this.places.tryAcquire()) {
			return true;
		}
		this.refused.increment();
		return false;
	}

	/** Sends the entry of a reserved place until the broker acknowledged it, then frees the place. */
	void deliver(AuditRecorded entry, String id) {
		this.publisher.send(entry, id)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, this.properties.minBackoff())
				.maxBackoff(this.properties.maxBackoff())
				.jitter(0.5)
				.doBeforeRetry((retry) -> {
					if (retry.totalRetries() == 0) {
						log.warn("Audit entry {} of {} not acknowledged, retrying until it is: {}", id,
								entry.loginId(), retry.failure().toString());
					}
				}))
			.doFinally((signal) -> this.places.release())
			.subscribe();
	}

	/** Entries reserved or waiting for the broker. */
	public int pending() {
		return this.properties.capacity() - this.places.availablePermits();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Waits for what is still waiting, up to the drain timeout, after the web server stopped taking requests. */
	@Override
	public void stop() {
		Duration timeout = this.properties.drainTimeout();
		try {
			if (this.places.tryAcquire(this.properties.capacity(), timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.places.release(this.properties.capacity());
			}
			else if (pending() > 0) {
				log.error("Stopping with {} audit entries the broker has not acknowledged after {}: they are lost",
						pending(), timeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Lower than the web server's, so this stops after it (no new writes come in while draining). */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}
}
