package jp.nop.cx.identity.dormant;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.EventType;
import jp.nop.cx.events.PartnerActivity;
import jp.nop.cx.identity.IdentityIT;
import jp.nop.cx.identity.credential.CredentialRepository;
import jp.nop.cx.identity.credential.CredentialStatus;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Art. 4.5: IDs not used for 180 days (Asia/Tokyo calendar days) are deleted by the daily sweep;
 * use, including use seen by the gateway, keeps them; the operator is never swept.
 */
class DormantSweepIT extends IdentityIT {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	@Autowired
	DormantSweep sweep;

	@Autowired
	CredentialRepository credentials;

	@Test
	void idsUnusedFor180TokyoDaysAreDeletedOnTheBoundaryDay() {
		Instant start = this.clock.instant();
		Account unused = activeAdmin();
		ApiClient.Response created = as(unused.accessToken()).post("/api/v1/identity/members",
				Map.of("email", "never-activated@example.co.jp"));
		String neverActivated = created.text("loginId");
		Account active = activeAdmin();
		Instant used = start.plus(Duration.ofDays(100));
		TopicProbe.publish(EventType.PARTNER_ACTIVITY.topic(), active.partnerId(), UUID.randomUUID().toString(),
				EventType.PARTNER_ACTIVITY.ceType(), new PartnerActivity(active.partnerId(), active.loginId(),
						Capability.REGISTRATION, "GET", "192.0.2.7", "Mozilla/5.0", used));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.credentials.findById(active.loginId()).orElseThrow().lastUsedAt() != null
					&& this.credentials.findById(active.loginId()).orElseThrow().lastUsedAt().isAfter(start));

		LocalDate lastUse = LocalDate.ofInstant(start, TOKYO);
		Instant boundary = lastUse.plusDays(180).atStartOfDay(TOKYO).toInstant();

		// The last moment of day 179 in Tokyo: kept.
		this.clock.set(boundary.minusSeconds(1));
		this.sweep.sweep();
		assertThat(this.credentials.findById(unused.loginId()).orElseThrow().status())
			.isEqualTo(CredentialStatus.ACTIVE);

		// Day 180 in Tokyo: deleted, with its last use; a never-activated ID counts from its creation.
		this.clock.set(boundary);
		assertThat(this.sweep.sweep()).isGreaterThanOrEqualTo(2);
		assertThat(this.credentials.findById(unused.loginId()).orElseThrow().status())
			.isEqualTo(CredentialStatus.DELETED);
		assertThat(this.credentials.findById(neverActivated).orElseThrow().status())
			.isEqualTo(CredentialStatus.DELETED);
		assertThat(this.credentials.findById(active.loginId()).orElseThrow().status())
			.isEqualTo(CredentialStatus.ACTIVE);
		assertThat(this.credentials.findById(OPERATOR_LOGIN).orElseThrow().status())
			.isEqualTo(CredentialStatus.ACTIVE);

		TopicProbe.Event deleted = TopicProbe.await(EventType.CREDENTIAL_DELETED.topic(),
				(e) -> unused.loginId().equals(e.body().path("loginId").asString()));
		assertThat(deleted.body().path("reason").asString()).isEqualTo("DORMANT");
		assertThat(Instant.parse(deleted.body().path("lastUsedAt").asString())).isBefore(start.plusSeconds(60));
		TopicProbe.Event revoked = TopicProbe.await(EventType.CREDENTIAL_REVOKED.topic(),
				(e) -> unused.loginId().equals(e.body().path("loginId").asString()));
		assertThat(revoked.body().path("reason").asString()).isEqualTo("DORMANT");
		TopicProbe.Event neverUsed = TopicProbe.await(EventType.CREDENTIAL_DELETED.topic(),
				(e) -> neverActivated.equals(e.body().path("loginId").asString()));
		assertThat(neverUsed.body().path("lastUsedAt").isNull()).isTrue();

		// Running again (another instance, a retry) deletes nothing twice.
		assertThat(this.sweep.sweep()).isZero();
		assertThat(settled(EventType.CREDENTIAL_DELETED.topic(),
				(e) -> unused.loginId().equals(e.body().path("loginId").asString()))).hasSize(1);
	}
}
