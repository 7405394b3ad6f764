package jp.nop.cx.notification.system;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of notification-service ({@code cx.notification.*}); the environment variables that
 * set them are listed in the module README.
 *
 * @param portalBaseUrl base of the links in notices ({@code <base>/terms/versions/<version>}, the console's page of a version)
 * @param operatorEmail where operator alerts go (Art. 4.3)
 * @param operatorLanguage language of operator alerts
 * @param eventSecretKey opens the activation tokens identity-service seals into
 * {@code credential-issued} ({@code CX_EVENT_SECRET_KEY}, shared with identity-service only)
 */
@ConfigurationProperties("cx.notification")
@Validated
public record NotificationProperties(@DefaultValue("http://localhost:8080") @NotNull URI portalBaseUrl,
		@DefaultValue("operator@nop.example") @NotBlank @Email String operatorEmail,
		@DefaultValue("ja") @NotBlank String operatorLanguage, @DefaultValue @Valid Mail mail,
		@DefaultValue @Valid Dispatch delivery, @DefaultValue @Valid FanOut fanOut,
		@DefaultValue @Valid Webhooks webhooks, @DefaultValue @Valid Breaker breaker,
		@DefaultValue("") String eventSecretKey) {

	@Override
	public String toString() {
		// The record's own toString would print the key.
		return "NotificationProperties[" + this.portalBaseUrl + ", operator " + this.operatorEmail + "]";
	}

	/** The portal base URL without a trailing slash, for building links. */
	public String portalBase() {
		String base = this.portalBaseUrl.toString();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/**
	 * @param from envelope and header sender
	 * @param fromName display name of the sender
	 * @param batchSize mails sent over one SMTP connection
	 * @param concurrency SMTP connections a round of the mail lane uses at once, each with its own
	 * batch, so the server's answers to one do not hold up the others
	 */
	public record Mail(@DefaultValue("cx-portal@nop.example") @NotBlank @Email String from,
			@DefaultValue("NOP CX ポータル") String fromName, @DefaultValue("100") @Min(1) @Max(1000) int batchSize,
			@DefaultValue("4") @Min(1) @Max(32) int concurrency) {
	}

	/**
	 * How pending deliveries are sent.
	 *
	 * @param pollInterval pause between runs of each channel lane
	 * @param retrySchedule delay before each attempt; its length is the number of attempts
	 * (default: the Svix schedule, immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h)
	 * @param batchSize deliveries taken per round and channel: each round is one query for the due
	 * deliveries, a scan of the collection on the local store, so few large rounds beat many small ones
	 * @param timeBudget how long one run of a channel lane keeps taking new rounds
	 * @param lockLease lease of a lane's job lock; longer than the time budget plus one round
	 * @param maxRetryAfter cap on a receiver's Retry-After, so no answer parks a delivery for ever
	 * @param idlePollMax longest rest of a lane that found nothing due (its pause doubles from
	 * {@code pollInterval}); deliveries this instance records end the rest at once
	 */
	public record Dispatch(@DefaultValue("1s") Duration pollInterval, @DefaultValue({ "0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h" }) @NotEmpty List<Duration> retrySchedule,
			@DefaultValue("1000") @Min(1) @Max(5000) int batchSize, @DefaultValue("20s") Duration timeBudget,
			@DefaultValue("2m") Duration lockLease, @DefaultValue("24h") Duration maxRetryAfter,
			@DefaultValue("5s") Duration idlePollMax) {
	}

	/**
	 * Notices to every active partner are written page by page by a scheduler, never in one
	 * consumer poll.
	 *
	 * @param pageSize partners per page
	 * @param pollInterval pause between runs of the fan-out scheduler
	 * @param timeBudget how long one run keeps taking pages
	 */
	public record FanOut(@DefaultValue("500") @Min(1) @Max(5000) int pageSize, @DefaultValue("1s") Duration pollInterval,
			@DefaultValue("10s") Duration timeBudget, @DefaultValue("2m") Duration lockLease) {
	}

	/**
	 * @param allowPrivateTargets let webhooks reach loopback, private and link-local addresses
	 * @param privateTargetAllowlist single {@code ip:port} pairs (e.g. {@code 127.0.0.1:9000},
	 * {@code [::1]:9000}) allowed although private, for one known internal receiver
	 * @param concurrency webhook requests in flight at once, so one slow host never holds the rest
	 */
	public record Webhooks(@DefaultValue("false") boolean allowPrivateTargets, List<String> privateTargetAllowlist,
			@DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration responseTimeout,
			@DefaultValue("4") @Min(1) @Max(64) int concurrency, @DefaultValue("2048") @Min(64) int maxUrlLength) {

		public Webhooks {
			// An unset environment variable arrives as one empty entry.
			privateTargetAllowlist = (privateTargetAllowlist != null)
					? privateTargetAllowlist.stream().filter((entry) -> entry != null && !entry.isBlank()).toList()
					: List.of();
		}
	}

	/**
	 * The circuit breaker around the SMTP server and around each webhook host.
	 *
	 * @param openFor how long an open breaker refuses calls before trying one again
	 */
	public record Breaker(@DefaultValue("50") @Min(1) @Max(100) float failureRateThreshold,
			@DefaultValue("10") @Min(1) int slidingWindowSize, @DefaultValue("5") @Min(1) int minimumNumberOfCalls,
			@DefaultValue("30s") Duration openFor) {
	}
}
