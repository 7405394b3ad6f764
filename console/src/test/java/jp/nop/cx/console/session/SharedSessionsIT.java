package jp.nop.cx.console.session;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jp.nop.cx.console.ConsoleApplication;
import jp.nop.cx.test.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC section 5 (scaling) for the console: two consoles on one Redis share every person's
 * session. Signed in through instance A, a person is signed in on instance B (which calls the API
 * with the token A received); signing out on B, or a token refused on B, ends the session on A
 * too; and nothing in Redis holds a token, or even a readable session object, in clear. The API is
 * faked at the edge, where the gateway would be. Needs Debian's {@code redis-server}; skipped with
 * the reason where it is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedSessionsIT {

	private static final String ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiJ9.access-" + Long.toHexString(System.nanoTime());

	private static final String REFRESH_TOKEN = "refresh-" + Long.toHexString(System.nanoTime());

	private static final String LOGIN_ID = "shared-admin";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final List<String> bearers = new CopyOnWriteArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<ConfigurableApplicationContext> consoles = new ArrayList<>();

	private volatile boolean revoked;

	private RedisServer redis;

	private HttpServer gateway;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	@BeforeAll
	void startRedisAndTwoConsoles() throws IOException {
		this.redis = RedisServer.startOrSkip();
		this.gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.gateway.createContext("/", this::answerAsTheApiDoes);
		this.gateway.start();
		String key = newKey();
		this.a = startConsole(key);
		this.b = startConsole(key);
	}

	@AfterAll
	void stop() {
		this.consoles.forEach(ConfigurableApplicationContext::close);
		if (this.gateway != null) {
			this.gateway.stop(0);
		}
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@BeforeEach
	void tokensAreGood() {
		this.revoked = false;
		this.bearers.clear();
	}

	@Test
	void signedInThroughOneConsoleIsSignedInOnTheOther() throws Exception {
		String cookie = signIn(this.a);

		HttpResponse<String> account = get(this.b, "/account", cookie);

		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains(LOGIN_ID).contains("id=\"signout\"");
		assertThat(this.bearers).as("B calls the API with the token A received").contains("Bearer " + ACCESS_TOKEN);
	}

	@Test
	void signingOutOnOneConsoleEndsTheSessionOnTheOther() throws Exception {
		String cookie = signIn(this.a);
		String csrf = csrf(get(this.b, "/account", cookie).body());

		HttpResponse<String> signedOut = post(this.b, "/signout", cookie, Map.of("_csrf", csrf));

		assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/signin?signedout"));
		assertThat(get(this.a, "/account", cookie).headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/signin"));
	}

	@Test
	void aTokenRefusedOnOneConsoleEndsTheSessionOnTheOther() throws Exception {
		String cookie = signIn(this.a);
		this.revoked = true;

		assertThat(get(this.b, "/account", cookie).headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/signin?ended"));

		// The API would take the token again: A no longer has it.
		this.revoked = false;
		this.bearers.clear();
		assertThat(get(this.a, "/account", cookie).headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/signin"));
		assertThat(this.bearers).isEmpty();
	}

	@Test
	void redisHoldsNoTokenAndNoReadableSessionInClear() throws Exception {
		signIn(this.a);

		List<byte[]> stored = everythingStoredInRedis();

		assertThat(stored).as("the session's keys and values").isNotEmpty();
		for (byte[] bytes : stored) {
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			assertThat(text).doesNotContain(ACCESS_TOKEN)
				.doesNotContain(REFRESH_TOKEN)
				.doesNotContain(LOGIN_ID)
				.doesNotContain(ConsoleSession.class.getName());
		}
	}

	@Test
	void theCookieKeepsItsNameAndAttributes() throws Exception {
		HttpResponse<String> form = get(this.a, "/signin", null);

		assertThat(form.headers().firstValue("Set-Cookie")).hasValueSatisfying((cookie) -> assertThat(cookie)
			.startsWith("CX_SESSION=")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.contains("Secure"));
	}

	@Test
	void aSessionSealedUnderAnotherKeyEndsInsteadOfFailing() throws Exception {
		String cookie = signIn(this.a);
		ConfigurableApplicationContext otherKey = startConsole(newKey());

		HttpResponse<String> account = get(otherKey, "/account", cookie);

		assertThat(account.statusCode()).isEqualTo(302);
		assertThat(account.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/signin"));
	}

	/** GET /signin for the form's CSRF token, then POST it; returns the session cookie after sign-in. */
	private String signIn(ConfigurableApplicationContext console) throws Exception {
		HttpResponse<String> form = get(console, "/signin", null);
		String cookie = sessionCookie(form);
		HttpResponse<String> signedIn = post(console, "/signin", cookie,
				Map.of("loginId", LOGIN_ID, "password", "correct horse battery", "_csrf", csrf(form.body())));
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/partner"));
		// A new session ID on sign-in (no fixation).
		return sessionCookie(signedIn);
	}

	private List<byte[]> everythingStoredInRedis() {
		List<byte[]> stored = new ArrayList<>();
		RedisConnectionFactory factory = this.a.getBean(RedisConnectionFactory.class);
		try (RedisConnection connection = factory.getConnection();
				Cursor<byte[]> keys = connection.keyCommands().scan(ScanOptions.scanOptions().count(100).build())) {
			keys.forEachRemaining((key) -> {
				stored.add(key);
				if ("hash".equals(connection.keyCommands().type(key).code())) {
					connection.hashCommands().hGetAll(key).forEach((field, value) -> {
						stored.add(field);
						stored.add(value);
					});
				}
			});
		}
		return stored;
	}

	private ConfigurableApplicationContext startConsole(String key) {
		ConfigurableApplicationContext console = new SpringApplicationBuilder(ConsoleApplication.class).run(
				"--server.port=0", "--spring.data.redis.url=" + this.redis.url(), "--cx.console.session-key=" + key,
				"--cx.console.gateway-url=http://127.0.0.1:" + this.gateway.getAddress().getPort());
		this.consoles.add(console);
		return console;
	}

	private HttpResponse<String> get(ConfigurableApplicationContext console, String path, String cookie)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(console, path)).GET();
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(ConfigurableApplicationContext console, String path, String cookie,
			Map<String, String> form) throws Exception {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(name)
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		HttpRequest request = HttpRequest.newBuilder(uri(console, path))
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ConfigurableApplicationContext console, String path) {
		return URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) console).getWebServer().getPort() + path);
	}

	/** {@code CX_SESSION=<value>}, as the browser would send it back (Secure or not: this is a test). */
	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("CX_SESSION="))
			.map((c) -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no CX_SESSION cookie in " + response.headers().map()));
	}

	private static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
		return matcher.group(1).replace("&#45;", "-");
	}

	private static String newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	/** Sign-in hands out the tokens; {@code /identity/me} answers for the token, or 401 once it is revoked. */
	private void answerAsTheApiDoes(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		String path = exchange.getRequestURI().getPath();
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization != null) {
			this.bearers.add(authorization);
		}
		if (path.equals("/api/v1/auth/token")) {
			answer(exchange, 200, "application/json", "{\"accessToken\":\"" + ACCESS_TOKEN
					+ "\",\"tokenType\":\"Bearer\",\"expiresIn\":900,\"refreshToken\":\"" + REFRESH_TOKEN + "\"}");
		}
		else if (!("Bearer " + ACCESS_TOKEN).equals(authorization) || this.revoked) {
			answer(exchange, 401, "application/problem+json",
					"{\"type\":\"https://cx.nop.jp/problems/token-revoked\",\"title\":\"Unauthorized\",\"status\":401}");
		}
		else if (path.equals("/api/v1/identity/me")) {
			answer(exchange, 200, "application/json", "{\"loginId\":\"" + LOGIN_ID
					+ "\",\"partnerId\":\"P-shared\",\"roles\":[\"PARTNER_ADMIN\"]}");
		}
		else {
			answer(exchange, 200, "application/json", "{}");
		}
	}

	private static void answer(HttpExchange exchange, int status, String type, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
