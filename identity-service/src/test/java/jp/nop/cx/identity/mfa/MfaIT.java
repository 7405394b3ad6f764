package jp.nop.cx.identity.mfa;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import jp.nop.cx.events.EventType;
import jp.nop.cx.identity.IdentityIT;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC section 3, second factor: TOTP (RFC 6238: SHA-1, 6 digits, 30 s) with recovery codes,
 * through HTTP, the store and the audit topic; the codes are computed here with the library, at
 * the time of the service's clock.
 */
class MfaIT extends IdentityIT {

	private static final String PROBLEMS = "https://cx.nop.jp/problems/";

	@Autowired
	MongoTemplate mongo;

	@Test
	void enrolConfirmThenSignInTakesPasswordAndCode() {
		Account admin = activeAdmin();

		ApiClient.Response enrolment = as(admin.accessToken()).post("/api/v1/identity/me/mfa", null);
		assertThat(enrolment.status()).as(enrolment.toString()).isEqualTo(201);
		assertThat(enrolment.header("Cache-Control")).contains("no-store");
		String secret = enrolment.text("secret");
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(enrolment.text("otpauthUri")).startsWith("otpauth://totp/")
			.contains("secret=" + secret, "algorithm=SHA1", "digits=6", "period=30", "issuer=CX");

		// Pending, not active: the password alone still signs in.
		assertThat(signInResponse(admin.loginId(), admin.password()).status()).isEqualTo(200);

		ApiClient.Response confirmed = confirm(admin, code(secret, 0));
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		assertThat(confirmed.header("Cache-Control")).contains("no-store");
		List<String> recoveryCodes = recoveryCodes(confirmed);
		assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();

		// At rest: the secret sealed, the recovery codes hashed.
		Document stored = this.mongo.getCollection("second_factors").find(new Document("_id", admin.loginId())).first();
		assertThat(stored.getString("sealedSecret")).startsWith("v1.");
		assertThat(stored.toJson()).doesNotContain(secret).doesNotContain(recoveryCodes.get(0));

		ApiClient.Response passwordStep = signInResponse(admin.loginId(), admin.password());
		assertThat(passwordStep.status()).isEqualTo(401);
		assertThat(passwordStep.header("Content-Type")).startsWith("application/problem+json");
		assertThat(passwordStep.text("type")).isEqualTo(PROBLEMS + "mfa-required");
		String challenge = passwordStep.text("challenge");
		assertThat(challenge).hasSizeGreaterThanOrEqualTo(43);
		assertThat(this.mongo.getCollection("mfa_challenges").find().into(new ArrayList<>()).toString())
			.doesNotContain(challenge);

		// The confirmation spent the code of its step: the next step's code signs in.
		this.clock.advance(Duration.ofSeconds(30));
		ApiClient.Response tokens = secondStep(challenge, code(secret, 0));
		assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
		assertThat(tokens.text("tokenType")).isEqualTo("Bearer");
		assertThat(tokens.text("refreshToken")).isNotBlank();
		assertThat(tokens.json().has("restrictedTo")).isFalse();
		assertThat(tokens.header("Cache-Control")).contains("no-store");
		assertThat(as(tokens.text("accessToken")).get("/api/v1/identity/me").status()).isEqualTo(200);

		// Single use: the same challenge does not sign in twice.
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(secondStep(challenge, code(secret, 0)).text("type")).isEqualTo(PROBLEMS + "mfa-challenge-invalid");

		List<TopicProbe.Event> audit = settled(EventType.AUDIT_RECORDED.topic(),
				(e) -> admin.loginId().equals(e.body().path("loginId").asString()));
		assertThat(audit).extracting((e) -> e.body().path("outcome").asString())
			.containsExactly("SIGNED_IN", "SIGNED_IN", "MFA_REQUIRED", "SIGNED_IN");
		assertThat(audit.get(3).body().path("action").asString()).isEqualTo("POST /api/v1/auth/token/mfa");
		assertThat(audit.toString()).doesNotContain(challenge);
	}

	@Test
	void aWrongCodeIsRefusedAndCountsAsAFailedSignInOfThatAddress() {
		Account admin = activeAdmin();
		String secret = enrolled(admin);
		String address = newClientAddress();

		ApiClient.Response passwordStep = signInFrom(address, admin.loginId(), admin.password());
		String challenge = passwordStep.text("challenge");
		String wrong = wrongCode(secret);
		for (int i = 1; i <= 4; i++) {
			ApiClient.Response refused = secondStepFrom(address, challenge, wrong);
			assertThat(refused.status()).as("attempt %d", i).isEqualTo(401);
			assertThat(refused.text("type")).isEqualTo(PROBLEMS + "mfa-failed");
		}
		// The fifth wrong code is the fifth failure of the ID from this address: the pair is locked.
		assertThat(secondStepFrom(address, challenge, wrong).status()).isEqualTo(401);
		ApiClient.Response locked = signInFrom(address, admin.loginId(), admin.password());
		assertThat(locked.status()).isEqualTo(423);
		assertThat(locked.text("type")).isEqualTo(PROBLEMS + "sign-in-locked");

		// The owner from elsewhere is not affected; the exhausted challenge is gone.
		this.clock.advance(Duration.ofSeconds(30));
		String elsewhere = newClientAddress();
		assertThat(secondStepFrom(elsewhere, challenge, code(secret, 0)).text("type"))
			.isEqualTo(PROBLEMS + "mfa-challenge-invalid");
		String fresh = signInFrom(elsewhere, admin.loginId(), admin.password()).text("challenge");
		assertThat(secondStepFrom(elsewhere, fresh, code(secret, 0)).status()).isEqualTo(200);

		List<TopicProbe.Event> audit = settled(EventType.AUDIT_RECORDED.topic(),
				(e) -> admin.loginId().equals(e.body().path("loginId").asString())
						&& "POST /api/v1/auth/token/mfa".equals(e.body().path("action").asString()));
		assertThat(audit).extracting((e) -> e.body().path("outcome").asString())
			.containsExactly("MFA_FAILED", "MFA_FAILED", "MFA_FAILED", "MFA_FAILED", "MFA_FAILED", "SIGNED_IN");
	}

	@Test
	void theSameCodeIsNotAcceptedTwice() {
		Account admin = activeAdmin();
		String secret = enrolled(admin);
		this.clock.advance(Duration.ofSeconds(30));
		String code = code(secret, 0);

		assertThat(secondStep(challengeOf(admin), code).status()).isEqualTo(200);
		ApiClient.Response replay = secondStep(challengeOf(admin), code);
		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.text("type")).isEqualTo(PROBLEMS + "mfa-failed");
		// Nor the previous step's code, still within the allowed drift: it is older than the one used.
		assertThat(secondStep(challengeOf(admin), code(secret, -1)).status()).isEqualTo(401);

		this.clock.advance(Duration.ofSeconds(30));
		assertThat(secondStep(challengeOf(admin), code(secret, 0)).status()).isEqualTo(200);
	}

	@Test
	void aCodeOfTheNeighbouringStepIsAcceptedButNotOneFurtherAway() {
		Account admin = activeAdmin();
		String secret = enrolled(admin);
		this.clock.advance(Duration.ofMinutes(5));

		assertThat(secondStep(challengeOf(admin), code(secret, -2)).status()).isEqualTo(401);
		assertThat(secondStep(challengeOf(admin), code(secret, 2)).status()).isEqualTo(401);
		assertThat(secondStep(challengeOf(admin), code(secret, 1)).status()).isEqualTo(200);
	}

	@Test
	void eachRecoveryCodeSignsInOnce() {
		Account admin = activeAdmin();
		ApiClient.Response enrolment = as(admin.accessToken()).post("/api/v1/identity/me/mfa", null);
		List<String> recoveryCodes = recoveryCodes(confirm(admin, code(enrolment.text("secret"), 0)));
		String recovery = recoveryCodes.get(3);

		ApiClient.Response signedIn = secondStep(challengeOf(admin), recovery.toUpperCase());
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		ApiClient.Response again = secondStep(challengeOf(admin), recovery);
		assertThat(again.status()).isEqualTo(401);
		assertThat(again.text("type")).isEqualTo(PROBLEMS + "mfa-failed");
		assertThat(secondStep(challengeOf(admin), recoveryCodes.get(4)).status()).isEqualTo(200);
	}

	@Test
	void removalTakesACodeAndThenThePasswordAloneSignsIn() {
		Account admin = activeAdmin();
		String secret = enrolled(admin);
		this.clock.advance(Duration.ofSeconds(30));

		ApiClient.Response wrong = remove(admin.accessToken(), wrongCode(secret));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.text("type")).isEqualTo(PROBLEMS + "mfa-code-invalid");
		assertThat(wrong.json().path("errors").path(0).path("field").asString()).isEqualTo("code");
		assertThat(signInResponse(admin.loginId(), admin.password()).text("type")).isEqualTo(PROBLEMS + "mfa-required");

		assertThat(remove(admin.accessToken(), code(secret, 0)).status()).isEqualTo(204);
		assertThat(signInResponse(admin.loginId(), admin.password()).status()).isEqualTo(200);
		assertThat(remove(admin.accessToken(), code(secret, 0)).text("type")).isEqualTo(PROBLEMS + "mfa-not-enrolled");
		assertThat(this.mongo.getCollection("second_factors").countDocuments(new Document("_id", admin.loginId())))
			.isZero();
	}

	@Test
	void aRecoveryCodeAlsoRemovesTheFactor() {
		Account admin = activeAdmin();
		ApiClient.Response enrolment = as(admin.accessToken()).post("/api/v1/identity/me/mfa", null);
		List<String> recoveryCodes = recoveryCodes(confirm(admin, code(enrolment.text("secret"), 0)));

		assertThat(remove(admin.accessToken(), recoveryCodes.get(0)).status()).isEqualTo(204);
		assertThat(signInResponse(admin.loginId(), admin.password()).status()).isEqualTo(200);
	}

	@Test
	void aChallengeExpiresAfterFiveMinutes() {
		Account admin = activeAdmin();
		String secret = enrolled(admin);
		String challenge = challengeOf(admin);

		this.clock.advance(Duration.ofMinutes(5));
		ApiClient.Response late = secondStep(challenge, code(secret, 0));
		assertThat(late.status()).isEqualTo(401);
		assertThat(late.text("type")).isEqualTo(PROBLEMS + "mfa-challenge-invalid");

		String inTime = challengeOf(admin);
		this.clock.advance(Duration.ofMinutes(4).plusSeconds(59));
		assertThat(secondStep(inTime, code(secret, 0)).status()).isEqualTo(200);
	}

	@Test
	void aChallengeDiesWithARevocationOfTheId() {
		Account admin = activeAdmin();
		String secret = enrolled(admin);
		String challenge = challengeOf(admin);
		assertThat(as(admin.accessToken()).post("/api/v1/identity/me/incidents", Map.of("type", "LOST")).status())
			.isEqualTo(202);

		this.clock.advance(Duration.ofSeconds(30));
		assertThat(secondStep(challenge, code(secret, 0)).text("type")).isEqualTo(PROBLEMS + "mfa-challenge-invalid");
	}

	@Test
	void enrolmentRefusesBadInputAndChangesNothing() {
		Account admin = activeAdmin();
		ApiClient.Response noPending = confirm(admin, "123456");
		assertThat(noPending.status()).isEqualTo(409);
		assertThat(noPending.text("type")).isEqualTo(PROBLEMS + "mfa-not-pending");

		String secret = as(admin.accessToken()).post("/api/v1/identity/me/mfa", null).text("secret");
		ApiClient as = as(admin.accessToken());
		for (Object body : new Object[] { Map.of(), Map.of("code", 123456), Map.of("code", ""),
				Map.of("code", Map.of("$gt", "")), Map.of("code", "1".repeat(65)), "not json" }) {
			ApiClient.Response refused = as.post("/api/v1/identity/me/mfa/confirmation", body);
			assertThat(refused.status()).as("%s: %s", body, refused).isBetween(400, 422);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		}
		ApiClient.Response wrong = confirm(admin, wrongCode(secret));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.json().path("errors").path(0).path("field").asString()).isEqualTo("code");
		// Still pending, not active: the password alone signs in, and the right code confirms.
		assertThat(signInResponse(admin.loginId(), admin.password()).status()).isEqualTo(200);
		assertThat(confirm(admin, code(secret, 0)).status()).isEqualTo(200);

		ApiClient.Response twice = as.post("/api/v1/identity/me/mfa", null);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.text("type")).isEqualTo(PROBLEMS + "mfa-already-enrolled");
		// The enrolled secret is still the one that works.
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(secondStep(challengeOf(admin), code(secret, 0)).status()).isEqualTo(200);
	}

	@Test
	void aPendingEnrolmentExpires() {
		Account admin = activeAdmin();
		String secret = as(admin.accessToken()).post("/api/v1/identity/me/mfa", null).text("secret");
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(confirm(admin, code(secret, 0)).text("type")).isEqualTo(PROBLEMS + "mfa-not-pending");
	}

	@Test
	void theSecondStepRefusesBadInput() {
		for (Object body : new Object[] { Map.of(), Map.of("challenge", "x"), Map.of("challenge", 1, "code", "123456"),
				Map.of("challenge", "x", "code", List.of("1")), "[]" }) {
			ApiClient.Response refused = api().header("X-Forwarded-For", newClientAddress())
				.post("/api/v1/auth/token/mfa", body);
			assertThat(refused.status()).as("%s: %s", body, refused).isBetween(400, 422);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		}
		assertThat(secondStep("no-such-challenge", "123456").text("type")).isEqualTo(PROBLEMS + "mfa-challenge-invalid");
	}

	private String enrolled(Account admin) {
		String secret = as(admin.accessToken()).post("/api/v1/identity/me/mfa", null).text("secret");
		assertThat(confirm(admin, code(secret, 0)).status()).isEqualTo(200);
		return secret;
	}

	private ApiClient.Response confirm(Account account, String code) {
		return as(account.accessToken()).post("/api/v1/identity/me/mfa/confirmation", Map.of("code", code));
	}

	private ApiClient.Response remove(String accessToken, String code) {
		return as(accessToken).send("DELETE", "/api/v1/identity/me/mfa", Map.of("code", code));
	}

	private String challengeOf(Account account) {
		ApiClient.Response passwordStep = signInResponse(account.loginId(), account.password());
		assertThat(passwordStep.text("type")).isEqualTo(PROBLEMS + "mfa-required");
		return passwordStep.text("challenge");
	}

	private ApiClient.Response secondStep(String challenge, String code) {
		return secondStepFrom(newClientAddress(), challenge, code);
	}

	private ApiClient.Response secondStepFrom(String address, String challenge, String code) {
		Map<String, Object> body = new HashMap<>();
		body.put("challenge", challenge);
		body.put("code", code);
		return api().header("X-Forwarded-For", address).post("/api/v1/auth/token/mfa", body);
	}

	private static List<String> recoveryCodes(ApiClient.Response confirmed) {
		List<String> codes = new ArrayList<>();
		confirmed.json().path("recoveryCodes").forEach((c) -> codes.add(c.asString()));
		return codes;
	}

	/** The code of the step {@code offset} steps from the service's clock, as an authenticator app computes it. */
	private String code(String secret, int offset) {
		return codeAtStep(secret, this.clock.instant().getEpochSecond() / 30 + offset);
	}

	/** A code of none of the accepted steps. */
	private String wrongCode(String secret) {
		long step = this.clock.instant().getEpochSecond() / 30;
		List<String> accepted = List.of(codeAtStep(secret, step - 1), codeAtStep(secret, step), codeAtStep(secret, step + 1));
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			if (!accepted.contains(code)) {
				return code;
			}
		}
	}

	private static String codeAtStep(String secret, long step) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
