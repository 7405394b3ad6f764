package jp.nop.cx.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jp.nop.cx.events.ExcessiveLoadDetected;
import jp.nop.cx.gateway.messaging.CloudEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Art. 7.1(3): a partner that keeps sending above its limit may be putting excessive load on the
 * provided facilities. When its refusals reach a threshold within a window, the gateway reports it
 * once per window ({@code excessive-load-detected}); enforcement-service opens a case for an
 * operator to decide. Nothing is imposed here.
 */
@Component
class ExcessiveLoadDetector {

	private static final Logger log = LoggerFactory.getLogger(ExcessiveLoadDetector.class);

	private final int threshold;

	private final Duration window;

	private final Clock clock;

	private final CloudEventPublisher publisher;

	private final Cache<String, Window> windows;

	ExcessiveLoadDetector(RateLimitProperties properties, Clock clock, CloudEventPublisher publisher) {
		this.threshold = properties.excessiveLoad().rejections();
		this.window = properties.excessiveLoad().window();
		this.clock = clock;
		this.publisher = publisher;
		this.windows = Caffeine.newBuilder().expireAfterAccess(this.window.multipliedBy(3)).build();
	}

	/** Counts one refused request of {@code partnerId}; reports when the window's threshold is reached. */
	void refused(String partnerId, String clientIp, int limitPerSecond) {
		Instant now = this.clock.instant();
		Window current = this.windows.get(partnerId, (id) -> new Window());
		Window.Crossing crossing = current.refused(now, this.window, this.threshold);
		if (crossing != null) {
			log.warn("Partner {} had {} requests refused since {} (limit {}/s): excessive load reported (Art. 7.1(3))",
					partnerId, crossing.refused(), crossing.windowStart(), limitPerSecond);
			this.publisher.publish(new ExcessiveLoadDetected(partnerId, clientIp, crossing.windowStart(), now,
					crossing.refused(), limitPerSecond, now));
		}
	}

	/**
	 * Refusals of one partner in a fixed window that opens with the first refusal after the
	 * previous window closed.
	 */
	static final class Window {

		private Instant start;

		private long refused;

		private boolean reported;

		/** Counts a refusal at {@code now}; non-null exactly once per window, when the threshold is reached. */
		synchronized Crossing refused(Instant now, Duration length, int threshold) {
			if (this.start == null || !now.isBefore(this.start.plus(length))) {
				this.start = now;
				this.refused = 0;
				this.reported = false;
			}
			this.refused++;
			if (!this.reported && this.refused >= threshold) {
				this.reported = true;
				return new Crossing(this.start, this.refused);
			}
			return null;
		}

		record Crossing(Instant windowStart, long refused) {
		}
	}
}
