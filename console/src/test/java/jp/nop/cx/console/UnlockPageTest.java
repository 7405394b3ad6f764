package jp.nop.cx.console;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Art. 4.3: the unlock link of the lock mail ({@code <portal>/unlock?token=}) opens a page whose
 * button, not the link, spends the single-use token through {@code POST /api/v1/auth/unlock}. The
 * API is faked at the edge: a local HTTP server stands where the gateway would, answering as
 * identity-service does (204 for the live token, 400 {@code unlock-invalid} otherwise).
 */
@SpringBootTest
@AutoConfigureMockMvc
class UnlockPageTest {

	private static final String LIVE_TOKEN = "unlock_-LIVE";

	private static final List<String> calls = new CopyOnWriteArrayList<>();

	private static final HttpServer gateway = startGateway();

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void gatewayUrl(DynamicPropertyRegistry registry) {
		registry.add("cx.console.gateway-url", () -> "http://127.0.0.1:" + gateway.getAddress().getPort());
	}

	@BeforeEach
	void forgetCalls() {
		calls.clear();
	}

	@AfterAll
	static void stopGateway() {
		gateway.stop(0);
	}

	@Test
	void theMailedLinkShowsAButtonAndSpendsNothing() throws Exception {
		String html = this.mvc.perform(get("/unlock").param("token", LIVE_TOKEN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("<input type=\"hidden\" name=\"token\" value=\"" + LIVE_TOKEN + "\">")
			.contains("name=\"_csrf\"")
			.contains("id=\"unlock-submit\"")
			.contains("ロックを解除する");
		assertThat(calls).isEmpty();
	}

	@Test
	void theButtonLiftsTheLockThroughTheApi() throws Exception {
		this.mvc.perform(post("/unlock").param("token", LIVE_TOKEN).with(csrf()))
			.andExpect(redirectedUrl("/signin"))
			.andExpect(flash().attribute("done", "unlock.done"));

		assertThat(calls).containsExactly("POST /api/v1/auth/unlock {\"token\":\"" + LIVE_TOKEN + "\"}");
	}

	@Test
	void aSpentOrWrongLinkIsRefusedInTheReadersLanguage() throws Exception {
		String ja = this.mvc.perform(post("/unlock").param("token", "spent").with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(ja).contains("ロックを解除できませんでした").contains("ロック解除リンクが正しくありません");

		String en = this.mvc.perform(post("/unlock").param("token", "spent").header("Accept-Language", "en").with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(en).contains("The lock could not be lifted").contains("Invalid unlock link");
		assertThat(calls).hasSize(2);
	}

	@Test
	void aPostWithoutACsrfTokenIsRefusedBeforeTheApi() throws Exception {
		this.mvc.perform(post("/unlock").param("token", LIVE_TOKEN)).andExpect(status().isForbidden());

		assertThat(calls).isEmpty();
	}

	private static HttpServer startGateway() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/", UnlockPageTest::answerAsIdentityDoes);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void answerAsIdentityDoes(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
		if (body.equals("{\"token\":\"" + LIVE_TOKEN + "\"}")) {
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
			return;
		}
		boolean english = String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Language")).startsWith("en");
		String title = english ? "Invalid unlock link" : "ロック解除リンクが正しくありません";
		byte[] problem = ("{\"type\":\"https://cx.nop.jp/problems/unlock-invalid\",\"title\":\"" + title
				+ "\",\"status\":400}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
		exchange.sendResponseHeaders(400, problem.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(problem);
		}
	}

}
