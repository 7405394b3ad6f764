package jp.nop.cx.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import jp.nop.cx.identity.credential.ActivationToken;
import jp.nop.cx.identity.credential.CredentialRepository;
import jp.nop.cx.test.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret reaches a log: not a password, an activation token, an access or refresh token, nor
 * a hash of one, during activation, sign-in (good and bad), refresh and password change, with
 * the service's own and Spring's web and security logging turned up to DEBUG.
 */
class SecretsNotLoggedIT extends IdentityIT {

	private static final List<String> VERBOSE = List.of("jp.nop.cx", "org.springframework.web",
			"org.springframework.security");

	@Autowired
	CredentialRepository credentials;

	private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

	private final List<Level> previous = new ArrayList<>();

	@BeforeEach
	void captureLogs() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.captured.setContext(context);
		this.captured.start();
		context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.captured);
		for (String name : VERBOSE) {
			Logger logger = context.getLogger(name);
			this.previous.add(logger.getLevel());
			logger.setLevel(Level.DEBUG);
		}
	}

	@AfterEach
	void restoreLogs() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		for (int i = 0; i < VERBOSE.size(); i++) {
			context.getLogger(VERBOSE.get(i)).setLevel(this.previous.get(i));
		}
		context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this.captured);
		this.captured.stop();
	}

	@Test
	void activationSignInRefreshAndPasswordChangeLogNoSecret() {
		List<String> secrets = new ArrayList<>();
		Issued issued = approvePartner(newPartnerId());
		String password = "ログに出てはならない合言葉-1";
		secrets.add(issued.activationToken());
		secrets.add(ActivationToken.hashOf(issued.activationToken()));
		secrets.add(password);
		assertThat(api().post("/api/v1/auth/activation", Map.of("token", issued.activationToken(), "newPassword", "短い"))
			.status()).isEqualTo(422);
		activate(issued.activationToken(), password);
		secrets.add(this.credentials.findById(issued.loginId()).orElseThrow().passwordHash());

		String wrong = "間違えて入れたパスワード-2";
		secrets.add(wrong);
		assertThat(signInResponse(issued.loginId(), wrong).status()).isEqualTo(401);
		Tokens tokens = signIn(issued.loginId(), password);
		secrets.add(tokens.accessToken());
		secrets.add(tokens.refreshToken());
		secrets.add(ActivationToken.hashOf(tokens.refreshToken()));
		ApiClient.Response refreshed = api().post("/api/v1/auth/refresh", Map.of("refreshToken", tokens.refreshToken()));
		secrets.add(refreshed.text("accessToken"));
		secrets.add(refreshed.text("refreshToken"));
		assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", tokens.refreshToken())).status())
			.isEqualTo(401);

		String newPassword = "新しいログに出ない合言葉-3";
		secrets.add(newPassword);
		ApiClient asUser = as(refreshed.text("accessToken"));
		assertThat(asUser.put("/api/v1/identity/me/password",
				Map.of("currentPassword", wrong, "newPassword", newPassword)).status()).isEqualTo(422);
		assertThat(asUser.put("/api/v1/identity/me/password",
				Map.of("currentPassword", password, "newPassword", newPassword)).status()).isEqualTo(204);
		secrets.add(this.credentials.findById(issued.loginId()).orElseThrow().passwordHash());

		assertNoneLogged(issued.loginId(), secrets);
	}

	@Test
	void secondFactorEnrolmentSignInAndRemovalLogNoSecret() throws Exception {
		Account admin = activeAdmin();
		List<String> secrets = new ArrayList<>();
		ApiClient.Response enrolment = as(admin.accessToken()).post("/api/v1/identity/me/mfa", null);
		String secret = enrolment.text("secret");
		secrets.add(secret);
		secrets.add(enrolment.text("otpauthUri"));
		String code = new dev.samstevens.totp.code.DefaultCodeGenerator().generate(secret,
				this.clock.instant().getEpochSecond() / 30);
		ApiClient.Response confirmed = as(admin.accessToken()).post("/api/v1/identity/me/mfa/confirmation",
				Map.of("code", code));
		confirmed.json().path("recoveryCodes").forEach((c) -> secrets.add(c.asString()));
		ApiClient.Response passwordStep = signInResponse(admin.loginId(), admin.password());
		String challenge = passwordStep.text("challenge");
		secrets.add(challenge);
		secrets.add(ActivationToken.hashOf(challenge));
		String recovery = confirmed.json().path("recoveryCodes").path(0).asString();
		ApiClient.Response tokens = api().header("X-Forwarded-For", newClientAddress())
			.post("/api/v1/auth/token/mfa", Map.of("challenge", challenge, "code", recovery));
		assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
		secrets.add(tokens.text("accessToken"));
		secrets.add(tokens.text("refreshToken"));
		assertThat(as(tokens.text("accessToken")).send("DELETE", "/api/v1/identity/me/mfa",
				Map.of("code", confirmed.json().path("recoveryCodes").path(1).asString())).status()).isEqualTo(204);

		assertNoneLogged(admin.loginId(), secrets);
	}

	private void assertNoneLogged(String loginId, List<String> secrets) {
		List<String> lines = this.captured.list.stream()
			.map((e) -> e.getFormattedMessage() + " " + ((e.getThrowableProxy() != null)
					? ThrowableProxyUtil.asString(e.getThrowableProxy()) : "") + " " + e.getMDCPropertyMap())
			.toList();
		// The capture works: the flow above did log (at DEBUG) what it did.
		assertThat(lines).anyMatch((line) -> line.contains(loginId));
		for (String secret : secrets) {
			assertThat(secret).isNotBlank();
			assertThat(lines).noneMatch((line) -> line.contains(secret));
		}
	}
}
