package jp.nop.cx.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.ServiceStatusChanged;
import jp.nop.cx.gateway.enforcement.ServiceStatusBoard;
import jp.nop.cx.test.ApiClient.Response;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Art. 8, 9, 10, 11.3 at the gateway: what a service-status event in force answers, judged against
 * the clock at every request, so a scheduled event takes effect without anyone acting.
 */
class ServiceStatusIT extends GatewayIntegrationTest {

	@Autowired
	ServiceStatusBoard board;

	private final List<ServiceStatusChanged> declared = new ArrayList<>();

	private final String partner = TestTokens.partnerAdmin(unique("p"));

	@AfterEach
	void endDeclaredEvents() {
		this.declared.forEach((event) -> Published.event(Published.ended(event)));
		// Events are global: the next test must not meet this one's.
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.declared.stream()
				.allMatch((event) -> Arrays.stream(Capability.values())
					.allMatch((c) -> this.board.eventInForce(c, true, event.startsAt()).isEmpty())));
	}

	@Test
	void anInterruptionAnswers503WithinOneSecondForTheCapabilitiesInScope() {
		declare("INTERRUPTION", "FACILITY_FAILURE", List.of(Capability.NOTIFICATIONS), this.clock.instant(), null);

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> gateway().as(this.partner).get("/api/v1/notifications/me").status() == 503);
		Response refused = gateway().as(this.partner).get("/api/v1/notifications/me");
		assertThat(refused.text("type")).isEqualTo("https://cx.nop.jp/problems/service-interrupted");
		assertThat(refused.text("reason")).isEqualTo("FACILITY_FAILURE");
		assertThat(refused.header("Retry-After")).isNull();
		assertThat(gateway().as(this.partner).get("/api/v1/terms/current").status()).isEqualTo(200);
	}

	@Test
	void maintenanceAnswers503WithRetryAfterUntilItsAnnouncedEnd() {
		declare("MAINTENANCE", "VERSION_UP", List.of(Capability.TERMS), this.clock.instant(),
				this.clock.instant().plusSeconds(90));

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> gateway().get("/api/v1/terms/current").status() == 503);
		Response refused = gateway().get("/api/v1/terms/current");
		assertThat(refused.text("type")).isEqualTo("https://cx.nop.jp/problems/service-maintenance");
		assertThat(refused.header("Retry-After")).isEqualTo("90");
	}

	@Test
	void aRestrictionLeavesTheServiceReadOnly() {
		declare("RESTRICTION", "NATURAL_DISASTER", List.of(Capability.REGISTRATION), this.clock.instant(), null);

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> gateway().as(this.partner).patch("/api/v1/partners/me", "{}").status() == 503);
		assertThat(gateway().as(this.partner).patch("/api/v1/partners/me", "{}").text("type"))
			.isEqualTo("https://cx.nop.jp/problems/service-restricted");
		assertThat(gateway().as(this.partner).get("/api/v1/partners/me").status()).isEqualTo(200);
	}

	@Test
	void aDiscontinuationAnswersGoneFromItsEffectiveTimeWithoutAnyoneActing() {
		Instant effective = this.clock.instant().plus(Duration.ofHours(1));
		ServiceStatusChanged discontinuation = declare("DISCONTINUATION", "BY_NOTICE", List.of(Capability.WEBHOOKS), effective,
				null);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.board.eventInForce(Capability.WEBHOOKS, true, effective).isPresent());
		assertThat(gateway().as(this.partner).put("/api/v1/notifications/me/webhook", "{}").status()).isEqualTo(200);

		this.clock.set(effective);

		Response gone = gateway().as(this.partner).put("/api/v1/notifications/me/webhook", "{}");
		assertThat(gone.status()).isEqualTo(410);
		assertThat(gone.text("type")).isEqualTo("https://cx.nop.jp/problems/service-discontinued");
		assertThat(gone.text("eventId")).isEqualTo(discontinuation.eventId());
		assertThat(gateway().as(this.partner).get("/api/v1/notifications/me").status()).isEqualTo(200);
	}

	@Test
	void scheduledMaintenanceStartsAndEndsByTheClock() {
		Instant startsAt = this.clock.instant().plus(Duration.ofMinutes(10));
		Instant endsAt = startsAt.plus(Duration.ofMinutes(30));
		declare("MAINTENANCE", "MAINTENANCE", List.of(), startsAt, endsAt);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.board.eventInForce(Capability.REGISTRATION, false, startsAt).isPresent());
		assertThat(gateway().as(this.partner).get("/api/v1/partners/me").status()).isEqualTo(200);

		this.clock.set(startsAt);
		Response during = gateway().as(this.partner).get("/api/v1/partners/me");
		assertThat(during.status()).isEqualTo(503);
		assertThat(during.header("Retry-After")).isEqualTo("1800");

		this.clock.set(endsAt);
		assertThat(gateway().as(this.partner).get("/api/v1/partners/me").status()).isEqualTo(200);
	}

	@Test
	void anEndedEventNoLongerAppliesWithinOneSecond() {
		ServiceStatusChanged interruption = declare("INTERRUPTION", "OPERATIONAL_REASON", List.of(),
				this.clock.instant(), null);
		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> gateway().as(this.partner).get("/api/v1/partners/me").status() == 503);

		Published.event(Published.ended(interruption));

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> gateway().as(this.partner).get("/api/v1/partners/me").status() == 200);
	}

	@Test
	void theStatusPageAndOperatorsPassAnyServiceStatusEvent() {
		declare("INTERRUPTION", "PUBLIC_AUTHORITY_ORDER", List.of(), this.clock.instant(), null);
		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> gateway().get("/api/v1/terms/current").status() == 503);

		assertThat(gateway().get("/api/v1/service-status").status()).isEqualTo(200);
		assertThat(gateway().as(this.partner).get("/api/v1/service-status").status()).isEqualTo(200);
		// Operators must be able to operate, not least to end the interruption.
		assertThat(gateway().as(TestTokens.operator()).post("/api/v1/service-status/events/e-1/end", "{}").status())
			.isEqualTo(200);
		assertThat(gateway().as(TestTokens.operator()).get("/api/v1/partners").status()).isEqualTo(200);
		assertThat(gateway().as(this.partner).post("/api/v1/service-status/events/e-1/end", "{}").status())
			.isEqualTo(503);
	}

	private ServiceStatusChanged declare(String kind, String reason, List<Capability> capabilities, Instant startsAt,
			Instant endsAt) {
		ServiceStatusChanged event = Published.serviceEvent("sse-" + UUID.randomUUID(), kind, reason, capabilities,
				startsAt, endsAt);
		this.declared.add(event);
		Published.event(event);
		return event;
	}
}
