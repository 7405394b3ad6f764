package jp.nop.cx.platform.outbox;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the relay on its own thread, so a slow broker never holds up request threads: every poll
 * interval, and at once when a save has just written outbox entries ({@link #nudge()}), so an
 * event leaves within milliseconds rather than up to a poll interval later (SPEC section 7: a
 * suspension is enforced at the gateway within 100 ms).
 */
public class OutboxRelayScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);

	private final OutboxRelay relay;

	private final OutboxProperties properties;

	private ScheduledExecutorService executor;

	private final AtomicBoolean nudged = new AtomicBoolean();

	private final Queue<SavedDocument> nudgedDocuments = new ConcurrentLinkedQueue<>();

	public OutboxRelayScheduler(OutboxRelay relay, OutboxProperties properties) {
		this.relay = relay;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread thread = new Thread(r, "outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.pollInterval().toMillis();
		this.executor.scheduleWithFixedDelay(this::runOnce, interval, interval, TimeUnit.MILLISECONDS);
	}

	/**
	 * Asks for the entries of this saved document to be relayed now, on the relay's thread. The
	 * documents nudged while a drain is waiting go in the same drain: a burst of saves costs one
	 * task, each document one lookup by its ID.
	 */
	public synchronized void nudge(String collection, Object id) {
		if (this.executor == null) {
			return;
		}
		this.nudgedDocuments.add(new SavedDocument(collection, id));
		if (!this.nudged.compareAndSet(false, true)) {
			return;
		}
		try {
			this.executor.execute(() -> {
				this.nudged.set(false);
				for (SavedDocument saved = this.nudgedDocuments.poll(); saved != null; saved = this.nudgedDocuments.poll()) {
					relay(saved);
				}
			});
		}
		catch (RejectedExecutionException stopping) {
			this.nudged.set(false);
		}
	}

	private void relay(SavedDocument saved) {
		try {
			this.relay.relayDocument(saved.collection(), saved.id());
		}
		catch (RuntimeException ex) {
			log.warn("Outbox relay of a saved document in {} failed (the poll retries): {}", saved.collection(),
					ex.toString());
		}
	}

	private record SavedDocument(String collection, Object id) {
	}

	private void runOnce() {
		try {
			this.relay.relayPending();
		}
		catch (RuntimeException ex) {
			log.warn("Outbox relay pass failed (will retry): {}", ex.toString());
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}
}
