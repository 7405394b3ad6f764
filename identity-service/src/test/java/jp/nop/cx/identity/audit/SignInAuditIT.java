package jp.nop.cx.identity.audit;

import java.util.List;
import java.util.UUID;

import jp.nop.cx.events.EventType;
import jp.nop.cx.identity.IdentityIT;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 4.2, 4.3: every sign-in outcome is published on audit-recorded through the outbox, once. */
class SignInAuditIT extends IdentityIT {

	@Test
	void successWrongPasswordUnknownIdAndLockAreEachRecordedOnce() {
		Account admin = activeAdmin();
		String traceId = UUID.randomUUID().toString().replace("-", "");
		api().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.header("User-Agent", "cx-console/1.0")
			.post("/api/v1/auth/token", java.util.Map.of("loginId", admin.loginId(), "password", admin.password()));
		// Failures count per ID and address: five from one address lock the ID there.
		String address = "198.51.100." + (1 + new java.util.Random().nextInt(250));
		for (int i = 0; i < 5; i++) {
			signInFrom(address, admin.loginId(), "違うパスワードです-wrong");
		}
		assertThat(signInFrom(address, admin.loginId(), admin.password()).status()).isEqualTo(423);
		String unknown = "cx-nobody-" + UUID.randomUUID().toString().substring(0, 8);
		signInResponse(unknown, "違うパスワードです-wrong");

		List<TopicProbe.Event> entries = settled(EventType.AUDIT_RECORDED.topic(),
				(e) -> admin.loginId().equals(e.body().path("loginId").asString()));
		// activeAdmin() signed in once itself before this test's attempts.
		assertThat(entries).extracting((e) -> e.body().path("outcome").asString())
			.containsExactly("SIGNED_IN", "SIGNED_IN", "BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS",
					"BAD_CREDENTIALS", "BAD_CREDENTIALS", "LOCKED");
		assertThat(entries).extracting((e) -> e.body().path("status").asInt())
			.containsExactly(200, 200, 401, 401, 401, 401, 401, 423);
		assertThat(entries).map(TopicProbe.Event::ceId).doesNotHaveDuplicates();
		TopicProbe.Event signedIn = entries.get(1);
		assertThat(signedIn.key()).isEqualTo(admin.partnerId());
		assertThat(signedIn.headers()).containsEntry("ce_source", "/cx/identity-service");
		assertThat(signedIn.body().path("partnerId").asString()).isEqualTo(admin.partnerId());
		assertThat(signedIn.body().path("roles").toString()).isEqualTo("[\"PARTNER_ADMIN\"]");
		assertThat(signedIn.body().path("action").asString()).isEqualTo("POST /api/v1/auth/token");
		assertThat(signedIn.body().path("traceId").asString()).isEqualTo(traceId);
		assertThat(signedIn.body().path("userAgent").asString()).isEqualTo("cx-console/1.0");
		assertThat(signedIn.body().path("clientIp").asString()).isNotEmpty();
		assertThat(signedIn.body().toString()).doesNotContain(admin.password());

		TopicProbe.Event unknownId = TopicProbe.await(EventType.AUDIT_RECORDED.topic(),
				(e) -> unknown.equals(e.body().path("loginId").asString()));
		assertThat(unknownId.body().path("outcome").asString()).isEqualTo("BAD_CREDENTIALS");
		assertThat(unknownId.body().path("partnerId").isNull()).isTrue();
		assertThat(unknownId.key()).isEqualTo(unknown);
	}
}
