package jp.nop.cx.localstack.demo;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.nop.cx.events.CorporateNumberCheckDigit;
import jp.nop.cx.localstack.Console;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static jp.nop.cx.localstack.demo.Answers.abbreviate;
import static jp.nop.cx.localstack.demo.Answers.firstNonEmpty;
import static jp.nop.cx.localstack.demo.Answers.text;

/**
 * What every flow does the same way: requests through the gateway (printed), strict status checks,
 * waiting for asynchronous effects, the mail API, signing in and activating an ID from its mail.
 */
final class Steps {

	private static final Pattern ACTIVATION = Pattern.compile("/activate\\?token=([A-Za-z0-9._~%+/=-]+)");

	private static final Pattern LOGIN_ID = Pattern
		.compile("(?:Login ID|Login Id|login ID|ログインID|ログイン ID)\\s*[:：]\\s*([^\\s<>\"'、。]+)");

	private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

	private final Http http;

	private final String gateway;

	private final String mailApi;

	private final RandomGenerator random;

	private int count;

	/** An ID activated from its mail: the login ID the mail named and the password set. */
	record Activated(String loginId, String password) {
	}

	Steps(Http http, String gateway, String mailApi, RandomGenerator random) {
		this.http = http;
		this.gateway = gateway;
		this.mailApi = mailApi;
		this.random = random;
	}

	String mailApi() {
		return this.mailApi;
	}

	int count() {
		return this.count;
	}

	void step(String title) {
		count++;
		Console.blank();
		Console.line("%d. %s", count, title);
	}

	Http.Response get(String path, String bearer) {
		return send("GET", path, bearer, null);
	}

	/** A request through the gateway, printed as {@code → METHOD path}. */
	Http.Response send(String method, String path, String bearer, JsonNode body) {
		Console.line("  → %s %s", method, path);
		return http.send(method, gateway + path, bearer, body);
	}

	/** A request straight to a service's own port on this machine (not printed). */
	Http.Response direct(int port, String path, String bearer) {
		return http.send("GET", "http://localhost:" + port + path, bearer, null);
	}

	/** A request through the gateway that is not printed (attempts while waiting). */
	Http.Response quietly(String method, String path, String bearer) {
		return http.send(method, gateway + path, bearer, null);
	}

	Http.Response expect(Http.Response response, int... statuses) {
		if (Arrays.stream(statuses).noneMatch((status) -> status == response.status())) {
			Console.line("  ✗ %d (expected %s) %s", response.status(),
					String.join(" or ", Arrays.stream(statuses).mapToObj(String::valueOf).toList()),
					response.body().isBlank() ? "(no body)" : abbreviate(response.body().replaceAll("\\s+", " "), 400));
			throw new Demo.Failed("unexpected status " + response.status());
		}
		return response;
	}

	static void ok(Http.Response response, String detail) {
		Console.line("  ✓ %d %s", response.status(), detail);
	}

	void require(boolean condition, String message) {
		if (!condition) {
			Console.line("  ✗ %s", message);
			throw new Demo.Failed(message);
		}
	}

	<T> T poll(String what, Duration timeout, Supplier<Optional<T>> attempt) {
		AtomicReference<T> found = new AtomicReference<>();
		try {
			// An exception from the attempt (an unexpected answer) ends the wait at once.
			Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL_INTERVAL).until(() -> {
				Optional<T> result = attempt.get();
				result.ifPresent(found::set);
				return result.isPresent();
			});
		}
		catch (ConditionTimeoutException ex) {
			Console.line("  ✗ no %s within %d s", what, timeout.toSeconds());
			throw new Demo.Failed("timed out waiting for " + what);
		}
		return found.get();
	}

	String signIn(String loginId, String password) {
		ObjectNode body = Http.JSON.createObjectNode();
		body.put("loginId", loginId);
		body.put("password", password);
		Http.Response token = expect(send("POST", "/api/v1/auth/token", null, body), 200);
		String accessToken = text(token.json(), "accessToken");
		require(!accessToken.isEmpty(), "the sign-in answer has no accessToken");
		ok(token, loginId + " signed in: " + firstNonEmpty(text(token.json(), "tokenType"), "Bearer")
				+ " token, expires in " + text(token.json(), "expiresIn") + " s");
		return accessToken;
	}

	void awaitStanding(String partnerToken, String expected) {
		Http.Response standing = poll("standing " + expected, Duration.ofSeconds(10), () -> {
			Http.Response answer = quietly("GET", "/api/v1/enforcement/me/standing", partnerToken);
			if (answer.status() != 200) {
				throw new Demo.Failed("GET /api/v1/enforcement/me/standing answered " + answer.status() + ": "
						+ abbreviate(answer.body(), 300));
			}
			return expected.equals(text(answer.json(), "status")) ? Optional.of(answer) : Optional.empty();
		});
		Console.line("  → GET /api/v1/enforcement/me/standing");
		ok(standing, "status " + expected + ", active measures: " + standing.json().path("activeMeasures").size());
	}

	/** Waits for the activation mail to {@code email}: the mail, its activation token and login ID. */
	ActivationMail awaitActivationMail(String email) {
		Console.line("  … waiting for the activation mail to %s", email);
		JsonNode mail = poll("the activation mail to " + email, Duration.ofSeconds(30), () -> mailsTo(email).stream()
			.map(this::mailDetail)
			.filter((detail) -> ACTIVATION.matcher(mailText(detail)).find())
			.findFirst());
		String text = mailText(mail);
		Matcher token = ACTIVATION.matcher(text);
		require(token.find(), "no activation link in the mail");
		String activationToken = URLDecoder.decode(token.group(1), StandardCharsets.UTF_8);
		Matcher login = LOGIN_ID.matcher(text);
		require(login.find(), "no 'Login ID:' / 'ログインID:' line in the activation mail");
		return new ActivationMail(text(mail, "Subject"), activationToken, login.group(1));
	}

	/** The parts of an activation mail the demo uses. */
	record ActivationMail(String subject, String token, String loginId) {
	}

	/** Sets a fresh password with the mail's activation token. */
	Http.Response activate(ActivationMail mail, String password) {
		ObjectNode activation = Http.JSON.createObjectNode();
		activation.put("token", mail.token());
		activation.put("newPassword", password);
		return expect(send("POST", "/api/v1/auth/activation", null, activation), 200, 204);
	}

	/** Waits for the activation mail to {@code email}, activates it, and returns the ID and password. */
	Activated activateFromMail(String email) {
		ActivationMail mail = awaitActivationMail(email);
		String password = strongPassword();
		Http.Response activated = activate(mail, password);
		ok(activated, "mail 「" + mail.subject() + "」: login ID " + mail.loginId() + " activated");
		return new Activated(mail.loginId(), password);
	}

	List<JsonNode> mailsTo(String address) {
		Http.Response list = http.send("GET", mailApi + "/api/v1/messages?limit=200", null, null);
		if (list.status() != 200) {
			throw new Demo.Failed("GET " + mailApi + "/api/v1/messages answered " + list.status());
		}
		List<JsonNode> result = new ArrayList<>();
		for (JsonNode message : list.json().path("messages")) {
			for (JsonNode to : message.path("To")) {
				if (address.equalsIgnoreCase(text(to, "Address"))) {
					result.add(message);
					break;
				}
			}
		}
		return result;
	}

	private JsonNode mailDetail(JsonNode summary) {
		Http.Response detail = http.send("GET", mailApi + "/api/v1/message/" + encode(text(summary, "ID")), null, null);
		if (detail.status() != 200) {
			throw new Demo.Failed("GET /api/v1/message/" + text(summary, "ID") + " answered " + detail.status());
		}
		return detail.json();
	}

	private static String mailText(JsonNode detail) {
		String text = text(detail, "Text");
		return text.isBlank() ? text(detail, "HTML").replaceAll("<[^>]*>", " ").replace("&amp;", "&") : text;
	}

	String strongPassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		StringBuilder password = new StringBuilder("Demo-");
		for (int i = 0; i < 14; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.append("!7q").toString();
	}

	String corporateNumber() {
		return corporateNumber(random);
	}

	/** A random valid 13-digit corporate number; the check digit is the registration service's. */
	static String corporateNumber(RandomGenerator random) {
		StringBuilder base = new StringBuilder(12);
		for (int i = 0; i < 12; i++) {
			base.append((char) ('0' + random.nextInt(10)));
		}
		return CorporateNumberCheckDigit.of(base.toString()) + base.toString();
	}

	static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
