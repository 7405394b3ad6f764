package jp.nop.cx.identity;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything identity-service lets an operator tune, under {@code cx.identity}. Each group
 * belongs to one feature; the README names the environment variable of each setting.
 *
 * @param portalBaseUrl where activation links point ({@code <portalBaseUrl>/activate?token=...})
 */
@Validated
@ConfigurationProperties("cx.identity")
public record IdentityProperties(@DefaultValue("http://localhost:8080") @NotBlank String portalBaseUrl,
		@DefaultValue @Valid Tokens tokens, @DefaultValue @Valid Keys keys, @DefaultValue @Valid Activation activation,
		@DefaultValue @Valid Password password, @DefaultValue @Valid BruteForce bruteForce,
		@DefaultValue @Valid Dormant dormant, @DefaultValue @Valid Operator operator) {

	/**
	 * Access and refresh tokens.
	 *
	 * @param issuer the {@code iss} claim
	 * @param accessTokenTtl lifetime of an access token
	 * @param refreshTokenTtl lifetime of one refresh token (each refresh issues a new one)
	 * @param sessionMax how long a refresh family may be renewed at all before a new sign-in
	 */
	public record Tokens(@DefaultValue("cx-identity") @NotBlank String issuer,
			@DefaultValue("15m") @NotNull Duration accessTokenTtl, @DefaultValue("12h") @NotNull Duration refreshTokenTtl,
			@DefaultValue("7d") @NotNull Duration sessionMax) {
	}

	/**
	 * Signing keys.
	 *
	 * @param rotationPeriod age after which the scheduled check rotates the active key
	 * @param rotationCheckInterval how often that check runs
	 * @param cacheRefresh how long an instance trusts its in-memory copy of the key set
	 * @param clockSkew allowance for clocks of the verifying services
	 */
	public record Keys(@DefaultValue("90d") @NotNull Duration rotationPeriod,
			@DefaultValue("1h") @NotNull Duration rotationCheckInterval,
			@DefaultValue("30s") @NotNull Duration cacheRefresh, @DefaultValue("60s") @NotNull Duration clockSkew) {
	}

	/** @param ttl how long an activation link may be used (Art. 4.1) */
	public record Activation(@DefaultValue("72h") @NotNull Duration ttl) {
	}

	/**
	 * Password storage and policy.
	 *
	 * @param minLength fewest characters (code points) a password may have
	 * @param bcryptStrength bcrypt cost factor; raising it rehashes passwords at their next sign-in
	 */
	public record Password(@DefaultValue("12") @Min(8) int minLength,
			@DefaultValue("12") @Min(4) @Max(31) int bcryptStrength) {
	}

	/**
	 * Brute-force protection in the manner of OWASP's guidance: failures count per login ID and
	 * client address (Keycloak-like growing waits), so an attacker cannot lock the owner out from
	 * elsewhere; only far more failures from anywhere lock the ID itself, and its owner gets an
	 * unlock link by mail.
	 *
	 * @param enabled whether failures lock at all
	 * @param maxFailures failures of one ID from one address that lock that pair (and every further multiple)
	 * @param baseWait the first lock's wait; each further lock doubles it
	 * @param maxWait the longest wait
	 * @param failureReset failures are forgotten after this long without a failure
	 * @param attemptsPerClient failed sign-ins one client address may make per {@code clientWindow}
	 * (successful ones are not counted)
	 * @param clientWindow the window of {@code attemptsPerClient}
	 * @param idMaxFailures failures of one ID from all addresses together that lock the ID everywhere
	 * @param idLockWait how long such a lock lasts unless the owner lifts it with the mailed link
	 */
	public record BruteForce(@DefaultValue("true") boolean enabled, @DefaultValue("5") @Min(1) int maxFailures,
			@DefaultValue("60s") @NotNull Duration baseWait, @DefaultValue("15m") @NotNull Duration maxWait,
			@DefaultValue("12h") @NotNull Duration failureReset, @DefaultValue("30") @Min(1) int attemptsPerClient,
			@DefaultValue("1m") @NotNull Duration clientWindow, @DefaultValue("50") @Min(1) int idMaxFailures,
			@DefaultValue("1h") @NotNull Duration idLockWait) {
	}

	/**
	 * Art. 4.5: the sweep of IDs not used for a while.
	 *
	 * @param periodDays days (in {@code zone}) without use after which a partner ID is deleted
	 * @param cron when the daily sweep runs, in {@code zone}
	 * @param zone the time zone days are counted in
	 */
	public record Dormant(@DefaultValue("180") @Min(1) int periodDays, @DefaultValue("0 0 3 * * *") @NotBlank String cron,
			@DefaultValue("Asia/Tokyo") @NotNull ZoneId zone) {
	}

	/**
	 * The operator account seeded at start.
	 *
	 * @param login its login ID
	 * @param password its initial password; empty means no operator is seeded
	 */
	public record Operator(@DefaultValue("operator") @NotBlank String login, @DefaultValue("") String password) {

		@Override
		public String toString() {
			// Never let a password reach a log through a toString().
			return "Operator[login=" + this.login + ", password=" + (this.password.isEmpty() ? "<none>" : "****") + "]";
		}
	}
}
