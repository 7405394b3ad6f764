package jp.nop.cx.terms;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jp.nop.cx.events.CxEvent;
import jp.nop.cx.events.EventType;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.CxIntegrationTest;
import jp.nop.cx.test.MutableClock;
import jp.nop.cx.test.TestTokens;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of every integration test of terms-service: one Spring context for all of them (same
 * annotations, same configuration), real HTTP, the shared broker and Mongo-wire store, and a
 * clock the tests move.
 * <p>
 * The store outlives each test, so tests never rely on being alone: they use fresh partner IDs,
 * and publish versions only at a {@linkplain #freshEpoch() fresh epoch} after every version
 * published so far, where what is in force depends on them alone.
 */
@CxIntegrationTest
@Import(TermsServiceIntegrationTest.Clocks.class)
public abstract class TermsServiceIntegrationTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	@AfterEach
	void backToRealTime() {
		this.clock.reset();
	}

	protected ApiClient anonymous() {
		return ApiClient.at(this.port);
	}

	protected ApiClient operator() {
		return ApiClient.at(this.port).as(TestTokens.operator());
	}

	protected ApiClient partnerAdmin(String partnerId) {
		return ApiClient.at(this.port).as(TestTokens.partnerAdmin(partnerId));
	}

	protected static String newPartnerId() {
		return "p-" + UUID.randomUUID();
	}

	protected static String newVersion(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * An instant a year after the last effectiveFrom of any version published so far (and after
	 * now): versions a test publishes from there on are the only ones that can take effect near it.
	 */
	protected Instant freshEpoch() {
		Instant latest = Instant.now();
		for (String path : new String[] { "/api/v1/terms/versions", "/api/v1/terms/supplements" }) {
			ApiClient.Response list = anonymous().get(path);
			assertThat(list.status()).as(list.toString()).isEqualTo(200);
			for (JsonNode item : list.json().path("items")) {
				Instant effectiveFrom = Instant.parse(item.path("effectiveFrom").asString());
				if (effectiveFrom.isAfter(latest)) {
					latest = effectiveFrom;
				}
			}
		}
		return latest.plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);
	}

	protected static Map<String, Object> version(String version, Instant effectiveFrom, String body) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("version", version);
		request.put("effectiveFrom", effectiveFrom.toString());
		request.put("title", "NOP CX ポータル利用規約");
		request.put("body", body);
		request.put("changeSummary", "第16条（本規約の変更）の表現を明確にしました。");
		request.put("language", "ja");
		return request;
	}

	protected static Map<String, Object> supplement(String scope, String version, Instant effectiveFrom,
			String body) {
		Map<String, Object> request = version(version, effectiveFrom, body);
		request.put("scope", scope);
		request.put("title", "Webhook 利用に関する別途規約");
		request.put("changeSummary", "送信先の管理について定めました。");
		return request;
	}

	protected ApiClient.Response publish(Map<String, Object> request) {
		return operator().post(request.containsKey("scope") ? "/api/v1/terms/supplements" : "/api/v1/terms/versions",
				request);
	}

	/** A response as a failed assertion shows it: bodies of a mebibyte cut short. */
	protected static String shown(ApiClient.Response response) {
		String text = response.toString();
		return (text.length() > 500) ? text.substring(0, 500) + "…" : text;
	}

	/** Publishes as the owning service would: CloudEvents binary mode, keyed by partner. */
	protected static void deliver(CxEvent event, String ceId) {
		EventType type = EventType.of(event);
		TopicProbe.publish(type.topic(), event.partitionKey(), ceId, type.ceType(), event);
	}

	protected static void deliver(CxEvent event) {
		deliver(event, UUID.randomUUID().toString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock clock() {
			return MutableClock.startingNow();
		}
	}
}
