package jp.nop.cx.identity.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jp.nop.cx.events.EventType;
import jp.nop.cx.identity.IdentityIT;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Art. 4.3: a report of loss or misuse blocks the named IDs at once, tells every service to
 * refuse their tokens and alerts the operator; an operator's reissue brings the ID back.
 */
class IncidentIT extends IdentityIT {

	@Test
	void adminReportsAStolenMemberIdWhichStopsAtOnceAndTheOperatorIsAlerted() {
		Account admin = activeAdmin();
		Account member = activeMember(admin);

		ApiClient.Response reported = as(admin.accessToken()).post("/api/v1/identity/me/incidents",
				Map.of("type", "STOLEN", "loginIds", List.of(member.loginId()), "detail", "社用ノートPCが盗難に遭いました"));
		assertThat(reported.status()).isEqualTo(202);
		String incidentId = reported.text("incidentId");
		assertThat(incidentId).isNotBlank();

		// Nothing of the member works any more, and it fails like any wrong sign-in.
		ApiClient.Response signIn = signInResponse(member.loginId(), member.password());
		assertThat(signIn.status()).isEqualTo(401);
		assertThat(signIn.raw()).isEqualTo(signInResponse("cx-nobody00", member.password()).raw());
		assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", member.tokens().refreshToken())).status())
			.isEqualTo(401);
		assertThat(as(member.accessToken()).get("/api/v1/identity/me").status()).isEqualTo(401);
		assertThat(as(admin.accessToken()).get("/api/v1/identity/me").status()).isEqualTo(200);

		TopicProbe.Event revoked = TopicProbe.await(EventType.CREDENTIAL_REVOKED.topic(),
				(e) -> member.loginId().equals(e.body().path("loginId").asString()));
		assertThat(revoked.key()).isEqualTo(admin.partnerId());
		assertThat(revoked.body().path("reason").asString()).isEqualTo("COMPROMISED");
		assertThat(Instant.parse(revoked.body().path("notBefore").asString())).isNotNull();

		TopicProbe.Event alert = TopicProbe.await(EventType.CREDENTIAL_COMPROMISED.topic(),
				(e) -> incidentId.equals(e.body().path("incidentId").asString()));
		assertThat(alert.key()).isEqualTo(admin.partnerId());
		assertThat(alert.body().path("type").asString()).isEqualTo("STOLEN");
		assertThat(alert.body().path("reportedBy").asString()).isEqualTo(admin.loginId());
		assertThat(alert.body().path("detail").asString()).isEqualTo("社用ノートPCが盗難に遭いました");
		assertThat(alert.body().path("loginIds").get(0).asString()).isEqualTo(member.loginId());
	}

	@Test
	void reportWithoutIdsBlocksTheCaller() {
		Account admin = activeAdmin();
		Account member = activeMember(admin);

		ApiClient.Response reported = as(member.accessToken()).post("/api/v1/identity/me/incidents",
				Map.of("type", "SUSPECTED", "detail", "身に覚えのないログイン通知"));
		assertThat(reported.status()).isEqualTo(202);
		assertThat(reported.json().path("loginIds").get(0).asString()).isEqualTo(member.loginId());
		assertThat(signInResponse(member.loginId(), member.password()).status()).isEqualTo(401);
	}

	@Test
	void memberMayOnlyReportItself() {
		Account admin = activeAdmin();
		Account member = activeMember(admin);

		ApiClient.Response refused = as(member.accessToken()).post("/api/v1/identity/me/incidents",
				Map.of("type", "LOST", "loginIds", List.of(admin.loginId()), "detail", "管理者のIDを紛失"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(signInResponse(admin.loginId(), admin.password()).status()).isEqualTo(200);
	}

	@Test
	void badReportsChangeNothing() {
		Account admin = activeAdmin();
		ApiClient client = as(admin.accessToken());
		assertThat(client.post("/api/v1/identity/me/incidents", Map.of("type", "MISPLACED")).status()).isEqualTo(400);
		assertThat(client.post("/api/v1/identity/me/incidents", Map.of("detail", "type がない")).status())
			.isEqualTo(422);
		assertThat(client.post("/api/v1/identity/me/incidents", Map.of("type", "LOST", "loginIds", List.of("cx-nobody00")))
			.status()).isEqualTo(404);
		assertThat(as(operatorToken()).post("/api/v1/identity/me/incidents", Map.of("type", "LOST")).status())
			.isEqualTo(403);
		assertThat(client.get("/api/v1/identity/me").status()).isEqualTo(200);
	}

	@Test
	void operatorReissueSendsAFreshLinkAndActivationRestoresTheId() {
		Account admin = activeAdmin();
		as(admin.accessToken()).post("/api/v1/identity/me/incidents", Map.of("type", "LOST", "detail", "紛失"));
		assertThat(signInResponse(admin.loginId(), admin.password()).status()).isEqualTo(401);

		assertThat(as(activeAdmin().accessToken()).post("/api/v1/identity/credentials/" + admin.loginId() + "/reissue",
				null).status()).isEqualTo(403);
		ApiClient.Response reissued = as(operatorToken())
			.post("/api/v1/identity/credentials/" + admin.loginId() + "/reissue", null);
		assertThat(reissued.status()).isEqualTo(200);
		assertThat(reissued.text("status")).isEqualTo("PENDING_ACTIVATION");

		Issued issued = Issued.of(TopicProbe.await(EventType.CREDENTIAL_ISSUED.topic(),
				(e) -> admin.loginId().equals(e.body().path("loginId").asString())
						&& "REISSUE".equals(e.body().path("purpose").asString())));
		assertThat(issued.email()).isEqualTo("hanako-" + admin.partnerId() + "@example.co.jp");
		String newPassword = "再発行後の新しいパスワード";
		activate(issued.activationToken(), newPassword);

		assertThat(signInResponse(admin.loginId(), admin.password()).status()).isEqualTo(401);
		Tokens tokens = signIn(admin.loginId(), newPassword);
		ApiClient.Response me = as(tokens.accessToken()).get("/api/v1/identity/me");
		assertThat(me.text("status")).isEqualTo("ACTIVE");
	}

	@Test
	void aTokenIssuedInTheSecondOfTheReportIsRefusedAndOneIssuedAfterTheReissueWorks() {
		Account admin = activeAdmin();
		Account member = activeMember(admin);
		// Art. 4.3: everything below happens within one second of the clock.
		Instant second = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		this.clock.set(second.plusMillis(100));
		String stolen = signIn(member.loginId(), member.password()).accessToken();
		this.clock.set(second.plusMillis(400));

		assertThat(as(admin.accessToken()).post("/api/v1/identity/me/incidents",
				Map.of("type", "STOLEN", "loginIds", List.of(member.loginId()), "detail", "盗難")).status())
			.isEqualTo(202);
		assertThat(as(stolen).get("/api/v1/identity/me").status()).isEqualTo(401);

		this.clock.set(second.plusMillis(500));
		assertThat(as(operatorToken()).post("/api/v1/identity/credentials/" + member.loginId() + "/reissue", null)
			.status()).isEqualTo(200);
		Issued issued = Issued.of(TopicProbe.await(EventType.CREDENTIAL_ISSUED.topic(),
				(e) -> member.loginId().equals(e.body().path("loginId").asString())
						&& "REISSUE".equals(e.body().path("purpose").asString())));
		this.clock.set(second.plusMillis(600));
		activate(issued.activationToken(), "再発行後の新しいパスワード-同じ秒");
		this.clock.set(second.plusMillis(700));
		String fresh = signIn(member.loginId(), "再発行後の新しいパスワード-同じ秒").accessToken();

		assertThat(as(fresh).get("/api/v1/identity/me").status()).isEqualTo(200);
		assertThat(as(stolen).get("/api/v1/identity/me").status()).isEqualTo(401);
	}

	@Test
	void deletedOrUnknownIdsCannotBeReissued() {
		String operator = operatorToken();
		assertThat(as(operator).post("/api/v1/identity/credentials/cx-nobody00/reissue", null).status())
			.isEqualTo(404);
		assertThat(as(operator).post("/api/v1/identity/credentials/" + OPERATOR_LOGIN + "/reissue", null).status())
			.isEqualTo(409);
	}

	@Test
	void reportsAlwaysSucceedWhileTheReportedIdsRefreshInLoops() throws Exception {
		Account admin = activeAdmin();
		List<Account> members = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			members.add(activeMember(admin));
		}
		ExecutorService pool = Executors.newFixedThreadPool(5);
		try {
			List<Integer> answers = new ArrayList<>();
			for (Account member : members) {
				AtomicBoolean stop = new AtomicBoolean();
				AtomicInteger refreshes = new AtomicInteger();
				List<AtomicReference<String>> latest = new ArrayList<>();
				List<Future<?>> loops = new ArrayList<>();
				for (int session = 0; session < 5; session++) {
					AtomicReference<String> token = new AtomicReference<>(
							signIn(member.loginId(), member.password()).refreshToken());
					latest.add(token);
					loops.add(pool.submit(() -> refreshUntilRefused(token, stop, refreshes)));
				}
				Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> refreshes.get() >= 5);

				ApiClient.Response reported = as(admin.accessToken()).post("/api/v1/identity/me/incidents",
						Map.of("type", "UNAUTHORIZED_USE", "loginIds", List.of(member.loginId()), "detail", "不正利用の疑い"));
				answers.add(reported.status());
				stop.set(true);
				for (Future<?> loop : loops) {
					loop.get();
				}

				assertThat(signInResponse(member.loginId(), member.password()).status()).isEqualTo(401);
				for (AtomicReference<String> token : latest) {
					assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", token.get())).status())
						.isEqualTo(401);
				}
			}
			assertThat(answers).hasSize(20).containsOnly(202);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** One session of the ID in use: refreshes as fast as it can, time moving on by a millisecond each time. */
	private void refreshUntilRefused(AtomicReference<String> token, AtomicBoolean stop, AtomicInteger refreshes) {
		while (!stop.get()) {
			this.clock.advance(Duration.ofMillis(1));
			ApiClient.Response refreshed = api().post("/api/v1/auth/refresh", Map.of("refreshToken", token.get()));
			if (refreshed.status() != 200) {
				return;
			}
			token.set(refreshed.text("refreshToken"));
			refreshes.incrementAndGet();
		}
	}
}
