package jp.nop.cx.console.api;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.Locale;

import jp.nop.cx.console.ConsoleProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The one way the console reaches the platform: HTTP to the gateway. Every answer, refusals
 * included, comes back as an {@link ApiResponse}; only an unreachable gateway throws.
 */
@Component
public class GatewayClient {

	private final RestClient http;

	private final JsonMapper json;

	GatewayClient(ConsoleProperties properties, JsonMapper json) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
		factory.setReadTimeout(properties.timeout());
		this.http = RestClient.builder().baseUrl(properties.gatewayUrl()).requestFactory(factory).build();
		this.json = json;
	}

	/**
	 * @param bearer the caller's access token, {@code null} for anonymous calls
	 * @param clientAddress the browser's address, passed on so per-address limits and the audit
	 * trail see the person, not the console
	 */
	public ApiResponse exchange(HttpMethod method, String path, Object body, String bearer, Locale locale,
			String clientAddress, String userAgent) {
		RestClient.RequestBodySpec request = this.http.method(method)
			.uri(path)
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
			.headers((headers) -> {
				headers.set(HttpHeaders.ACCEPT_LANGUAGE, locale.toLanguageTag());
				if (bearer != null) {
					headers.setBearerAuth(bearer);
				}
				if (clientAddress != null) {
					headers.set("X-Forwarded-For", clientAddress);
				}
				if (userAgent != null) {
					headers.set(HttpHeaders.USER_AGENT, userAgent);
				}
			});
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(this.json.writeValueAsBytes(body));
		}
		return request.exchange((req, res) -> {
			byte[] bytes = res.getBody().readAllBytes();
			return new ApiResponse(res.getStatusCode().value(), parse(bytes, res.getHeaders()), bytes,
					HttpHeaders.readOnlyHttpHeaders(res.getHeaders()));
		}, true);
	}

	private JsonNode parse(byte[] bytes, HttpHeaders headers) throws IOException {
		MediaType type = headers.getContentType();
		if (bytes.length == 0 || type == null || !type.getSubtype().contains("json")) {
			return MissingNode.getInstance();
		}
		return this.json.readTree(bytes);
	}

}
