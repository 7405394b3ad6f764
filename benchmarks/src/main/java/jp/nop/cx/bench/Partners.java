package jp.nop.cx.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.nop.cx.events.CorporateNumberCheckDigit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Partners made through the public API, as a company would: apply, the operator approves, the
 * activation mail is read from the mail catcher, the password set, sign in. Their IDs and
 * passwords are kept in {@code .cx/bench/partners.tsv}, so a second run only signs them in.
 */
final class Partners {

	private static final Pattern ACTIVATION = Pattern.compile("/activate\\?token=([A-Za-z0-9._~%+/=-]+)");

	private static final Pattern LOGIN_ID = Pattern
		.compile("(?:Login ID|ログインID|ログイン ID)\\s*[:：]\\s*([^\\s<>\"'、。]+)");

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A signed-in partner: its ID, administrator login and a fresh access token. */
	record Partner(String partnerId, String loginId, String password, String token) {
	}

	private final Stack stack;

	private final Api api;

	private String operatorToken;

	Partners(Stack stack, Api api) {
		this.stack = stack;
		this.api = api;
	}

	String operatorToken() {
		if (operatorToken == null) {
			operatorToken = signIn(stack.operatorLogin(), stack.operatorPassword());
		}
		return operatorToken;
	}

	String signIn(String loginId, String password) {
		ObjectNode body = Api.object().put("loginId", loginId).put("password", password);
		return api.post(stack.gateway() + "/api/v1/auth/token", null, body).expect(200).text("accessToken");
	}

	/** {@code count} signed-in partners, the kept ones first, the rest created now (four at a time). */
	List<Partner> ensure(int count) throws Exception {
		Path file = stack.benchDir().resolve("partners.tsv");
		List<Partner> result = Collections.synchronizedList(new ArrayList<>());
		List<String[]> kept = new ArrayList<>();
		if (Files.isRegularFile(file)) {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				String[] parts = line.split("\t");
				if (parts.length == 3) {
					kept.add(parts);
				}
			}
		}
		operatorToken();
		if (!kept.isEmpty()) {
			try {
				signIn(kept.get(0)[1], kept.get(0)[2]);
			}
			catch (IllegalStateException otherStore) {
				// A fresh .cx/: none of them exists; trying each would only count failed sign-ins
				// against this address (identity's per-address limit).
				kept.clear();
			}
		}
		ExecutorService workers = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> signIns = new ArrayList<>();
			for (String[] partner : kept.subList(0, Math.min(count, kept.size()))) {
				signIns.add(workers.submit(() -> {
					try {
						result.add(new Partner(partner[0], partner[1], partner[2], signIn(partner[1], partner[2])));
					}
					catch (IllegalStateException stale) {
						// another store (a fresh .cx/): made again below
					}
				}));
			}
			for (Future<?> signIn : signIns) {
				signIn.get();
			}
			List<Future<Partner>> created = new ArrayList<>();
			for (int i = result.size(); i < count; i++) {
				created.add(workers.submit(this::create));
			}
			for (Future<Partner> partner : created) {
				result.add(partner.get());
			}
		}
		finally {
			workers.shutdownNow();
		}
		Files.createDirectories(file.getParent());
		StringBuilder lines = new StringBuilder();
		for (Partner partner : result) {
			lines.append(partner.partnerId()).append('\t').append(partner.loginId()).append('\t')
				.append(partner.password()).append('\n');
		}
		Files.writeString(file, lines, StandardCharsets.UTF_8);
		return new ArrayList<>(result);
	}

	/** Signs every partner in again (fresh tokens before a long phase). */
	List<Partner> refresh(List<Partner> partners) {
		return partners.parallelStream()
			.map((p) -> new Partner(p.partnerId(), p.loginId(), p.password(), signIn(p.loginId(), p.password())))
			.toList();
	}

	private Partner create() {
		String email = "bench+" + System.nanoTime() + RANDOM.nextInt(1000) + "@example.co.jp";
		ObjectNode body = Api.object();
		body.putObject("company")
			.put("name", "ベンチマーク株式会社")
			.put("corporateNumber", corporateNumber())
			.put("postalCode", "100-0001")
			.put("address", "東京都千代田区千代田1-1");
		body.putObject("representative").put("name", "計測 太郎").put("title", "代表取締役");
		body.putObject("contact").put("name", "計測 花子").put("email", email).put("phone", "03-1234-5678");
		body.put("preferredLanguage", "ja");
		body.putObject("agreement").put("termsVersion", termsVersion()).put("accepted", true);
		String registrationId = api.post(stack.gateway() + "/api/v1/registrations", null, body).expect(201).text("id");
		String partnerId = api.post(stack.gateway() + "/api/v1/registrations/" + encode(registrationId) + "/approval",
				operatorToken(), Api.object()).expect(200, 201).text("partnerId");
		String[] mail = activationMail(email);
		String password = password();
		ObjectNode activation = Api.object().put("token", mail[0]).put("newPassword", password);
		api.post(stack.gateway() + "/api/v1/auth/activation", null, activation).expect(200, 204);
		return new Partner(partnerId, mail[1], password, signIn(mail[1], password));
	}

	/**
	 * A new member ID of {@code admin}'s company, as its administrator makes one (Art. 4.2): created,
	 * activated from its mail and signed in.
	 */
	Partner member(Partner admin) {
		String email = "bench-member+" + System.nanoTime() + RANDOM.nextInt(1000) + "@example.co.jp";
		ObjectNode body = Api.object().put("email", email).put("name", "計測 一郎");
		String loginId = api.post(stack.gateway() + "/api/v1/identity/members", admin.token(), body).expect(201)
			.text("loginId");
		String[] mail = activationMail(email);
		String password = password();
		ObjectNode activation = Api.object().put("token", mail[0]).put("newPassword", password);
		api.post(stack.gateway() + "/api/v1/auth/activation", null, activation).expect(200, 204);
		return new Partner(admin.partnerId(), loginId, password, signIn(loginId, password));
	}

	private volatile String termsVersion;

	private String termsVersion() {
		if (termsVersion == null) {
			termsVersion = api.get(stack.gateway() + "/api/v1/terms/current", null).expect(200).text("version");
		}
		return termsVersion;
	}

	/** The activation token and login ID of the mail to {@code email}, waited for up to 30 s. */
	private String[] activationMail(String email) {
		AtomicReference<String[]> found = new AtomicReference<>();
		if (poll(Duration.ofSeconds(30), Duration.ofMillis(300), () -> {
			for (JsonNode message : api.get(stack.mailApi() + "/api/v1/messages?limit=200", null).expect(200).json()
				.path("messages")) {
				boolean ours = false;
				for (JsonNode to : message.path("To")) {
					ours |= email.equalsIgnoreCase(to.path("Address").asString(""));
				}
				if (!ours) {
					continue;
				}
				JsonNode detail = api.get(stack.mailApi() + "/api/v1/message/" + encode(message.path("ID").asString()), null)
					.expect(200).json();
				String text = detail.path("Text").asString("");
				if (text.isBlank()) {
					text = detail.path("HTML").asString("").replaceAll("<[^>]*>", " ").replace("&amp;", "&");
				}
				Matcher token = ACTIVATION.matcher(text);
				Matcher login = LOGIN_ID.matcher(text);
				if (token.find() && login.find()) {
					found.set(new String[] { URLDecoder.decode(token.group(1), StandardCharsets.UTF_8), login.group(1) });
					return true;
				}
			}
			return false;
		})) {
			return found.get();
		}
		throw new IllegalStateException("no activation mail to " + email + " within 30 s");
	}

	static String corporateNumber() {
		StringBuilder base = new StringBuilder(12);
		for (int i = 0; i < 12; i++) {
			base.append((char) ('0' + RANDOM.nextInt(10)));
		}
		return CorporateNumberCheckDigit.of(base.toString()) + base.toString();
	}

	private static String password() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		StringBuilder password = new StringBuilder("Bench-");
		for (int i = 0; i < 14; i++) {
			password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return password.append("!7q").toString();
	}

	static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** Whether {@code done} holds within {@code timeout}, asked every {@code interval}. */
	static boolean poll(Duration timeout, Duration interval, Callable<Boolean> done) {
		try {
			Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(interval).until(done);
			return true;
		}
		catch (ConditionTimeoutException ex) {
			return false;
		}
	}
}
