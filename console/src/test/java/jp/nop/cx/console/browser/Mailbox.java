package jp.nop.cx.console.browser;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** The local stack's mail catcher, read over its Mailpit-style API (SPEC section 6). */
final class Mailbox {

	private static final Pattern LINK = Pattern.compile("(https?://[^\\s\"'<>]+/activate\\?token=[A-Za-z0-9._~%+/=-]+)");

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	/** The activation link of the newest mail to {@code address} that has one. */
	String activationLink(String address) {
		return await("an activation mail to " + address).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> firstMatch(address, LINK), Optional::isPresent)
			.orElseThrow();
	}

	/** Text of the first mail to {@code address} whose subject contains {@code subjectPart}, once it arrives. */
	String mailText(String address, String subjectPart) {
		return await("a mail to " + address + " about " + subjectPart).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> find(address, subjectPart), Optional::isPresent)
			.orElseThrow();
	}

	private Optional<String> firstMatch(String address, Pattern pattern) throws IOException, InterruptedException {
		for (JsonNode message : get("/api/v1/messages").path("messages")) {
			if (sentTo(message, address)) {
				Matcher matcher = pattern.matcher(text(message));
				if (matcher.find()) {
					return Optional.of(matcher.group(1));
				}
			}
		}
		return Optional.empty();
	}

	private Optional<String> find(String address, String subjectPart) throws IOException, InterruptedException {
		for (JsonNode message : get("/api/v1/messages").path("messages")) {
			if (sentTo(message, address) && message.path("Subject").asString("").contains(subjectPart)) {
				return Optional.of(text(message));
			}
		}
		return Optional.empty();
	}

	private static boolean sentTo(JsonNode message, String address) {
		for (JsonNode to : message.path("To")) {
			if (address.equalsIgnoreCase(to.path("Address").asString(""))) {
				return true;
			}
		}
		return false;
	}

	private String text(JsonNode message) throws IOException, InterruptedException {
		JsonNode detail = get("/api/v1/message/" + URLEncoder.encode(message.path("ID").asString(), StandardCharsets.UTF_8));
		String text = detail.path("Text").asString("");
		return text.isBlank() ? detail.path("HTML").asString("").replace("&amp;", "&") : text;
	}

	private JsonNode get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(RunningStack.MAIL + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		return this.json.readTree(response.body());
	}

}
