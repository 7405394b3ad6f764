package jp.nop.cx.enforcement.servicestatus;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jp.nop.cx.enforcement.EnforcementIT;
import jp.nop.cx.events.EventType;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 8, 9, 10, 11.3 over HTTP and Kafka: declaring, publishing and showing service-status events. */
class ServiceStatusIT extends EnforcementIT {

	@Test
	void scheduledMaintenanceIsAnnouncedTakesEffectAtItsStartAndEnds() {
		Instant startsAt = this.clock.instant().plus(Duration.ofHours(2));
		Instant endsAt = startsAt.plus(Duration.ofHours(1));

		ApiClient.Response declared = operator().post("/api/v1/service-status/events",
				Map.of("kind", "MAINTENANCE", "reason", "VERSION_UP", "scope", Map.of("all", true), "startsAt",
						startsAt.toString(), "endsAt", endsAt.toString(), "message", "バージョンアップのため停止します。"));

		assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
		String id = declared.text("id");
		assertThat(declared.header("Location")).isEqualTo("/api/v1/service-status/events/" + id);
		assertThat(declared.text("state")).isEqualTo("SCHEDULED");
		TopicProbe.Event scheduled = awaitState(id, "SCHEDULED");
		assertThat(scheduled.key()).isEqualTo(id);
		assertThat(scheduled.body().path("all").asBoolean()).isTrue();
		assertThat(Instant.parse(scheduled.body().path("endsAt").asString()))
			.isEqualTo(endsAt.truncatedTo(ChronoUnit.MILLIS));
		assertThat(ids(board().path("scheduled"))).contains(id);
		assertThat(ids(board().path("current"))).doesNotContain(id);

		this.clock.advance(Duration.ofHours(2));

		awaitState(id, "ACTIVE");
		assertThat(ids(board().path("current"))).contains(id);

		ApiClient.Response ended = operator().post("/api/v1/service-status/events/" + id + "/end", null);
		assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
		assertThat(ended.text("state")).isEqualTo("ENDED");
		assertThat(ended.text("endedBy")).isEqualTo("operator");
		TopicProbe.Event over = awaitState(id, "ENDED");
		assertThat(Instant.parse(over.body().path("endsAt").asString())).isBefore(endsAt);
		assertThat(ids(board().path("current"))).doesNotContain(id);

		assertThat(operator().post("/api/v1/service-status/events/" + id + "/end", null).status()).isEqualTo(409);
	}

	@Test
	void anInterruptionUnderWayIsCurrentAtOnceForTheNamedCapabilities() {
		ApiClient.Response declared = operator().post("/api/v1/service-status/events",
				Map.of("kind", "INTERRUPTION", "reason", "FACILITY_FAILURE", "scope",
						Map.of("capabilities", List.of("notifications", "webhooks")), "startsAt",
						this.clock.instant().minus(Duration.ofMinutes(20)).toString()));

		assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
		String id = declared.text("id");
		TopicProbe.Event active = awaitState(id, "ACTIVE");
		assertThat(active.body().path("all").asBoolean()).isFalse();
		assertThat(active.body().path("capabilities").valueStream().map(JsonNode::asString).toList())
			.containsExactly("notifications", "webhooks");
		JsonNode current = board().path("current");
		assertThat(ids(current)).contains(id);
		JsonNode shown = current.valueStream().filter((e) -> id.equals(e.path("id").asString())).findFirst().get();
		assertThat(shown.path("article").asString()).isEqualTo("Art. 8");
		assertThat(shown.path("reasonArticle").asString()).isEqualTo("Art. 8.1(5)");
		assertThat(shown.has("declaredBy")).isFalse();
	}

	@Test
	void anUrgentDiscontinuationTakesEffectAtOnceAndAnotherNeedsNotice() {
		Instant now = this.clock.instant();

		ApiClient.Response refused = operator().post("/api/v1/service-status/events", Map.of("kind", "DISCONTINUATION",
				"reason", "PROVIDER_ENDED", "scope", Map.of("all", true), "startsAt", now.toString()));
		ApiClient.Response urgent = operator().post("/api/v1/service-status/events", Map.of("kind", "DISCONTINUATION",
				"reason", "PROVIDER_ENDED", "scope", Map.of("capabilities", List.of("export")), "startsAt",
				now.toString(), "urgent", true));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text("type")).isEqualTo("https://cx.nop.jp/problems/discontinuation-needs-notice");
		assertThat(urgent.status()).as(urgent.toString()).isEqualTo(201);
		assertThat(awaitState(urgent.text("id"), "ACTIVE").body().path("urgent").asBoolean()).isTrue();
	}

	@Test
	void badDeclarationsAreRefusedAndNothingIsStored() {
		long before = this.mongo.getCollection("service_status_events").countDocuments();
		String start = this.clock.instant().plus(Duration.ofHours(1)).toString();

		assertRefused(declare(Map.of("kind", "OUTAGE", "reason", "FACILITY_FAILURE", "scope", Map.of("all", true),
				"startsAt", start)), 400, "kind");
		assertRefused(declare(Map.of("kind", "MAINTENANCE", "reason", "COFFEE_BREAK", "scope", Map.of("all", true),
				"startsAt", start)), 400, "reason");
		assertRefused(declare(Map.of("kind", "MAINTENANCE", "reason", "NATURAL_DISASTER", "scope",
				Map.of("all", true), "startsAt", start)), 422, "reason");
		assertRefused(declare(Map.of("kind", "MAINTENANCE", "reason", "MAINTENANCE", "scope", Map.of("all", true),
				"startsAt", start, "endsAt", this.clock.instant().plus(Duration.ofMinutes(30)).toString())), 422,
				"endsAt");
		assertRefused(declare(Map.of("kind", "MAINTENANCE", "reason", "MAINTENANCE", "scope",
				Map.of("capabilities", List.of("billing")), "startsAt", start)), 422, "scope.capabilities[0]");
		assertRefused(declare(Map.of("kind", "MAINTENANCE", "reason", "MAINTENANCE", "startsAt", start)), 422,
				"scope");
		assertThat(declare(Map.of("kind", "RESTRICTION", "reason", "WAR_OR_TERROR", "scope", Map.of("all", true),
				"startsAt", "明日")).status()).isEqualTo(400);
		assertRefused(declare(Map.of("kind", "INTERRUPTION", "reason", "FACILITY_WORKS", "scope", Map.of("all", true),
				"startsAt", this.clock.instant().minus(Duration.ofDays(30)).toString())), 422, "startsAt");

		assertThat(this.mongo.getCollection("service_status_events").countDocuments()).isEqualTo(before);
	}

	@Test
	void theStatusIsPublicButDeclaringIsTheOperators() {
		assertThat(anonymous().get("/api/v1/service-status").status()).isEqualTo(200);
		assertThat(anonymous().post("/api/v1/service-status/events", Map.of()).status()).isEqualTo(401);
		assertThat(operator().get("/api/v1/service-status/events/no-such-event").status()).isEqualTo(404);
		assertThat(operator().get("/api/v1/service-status/events?size=5").json().path("items").size())
			.isLessThanOrEqualTo(5);
	}

	private ApiClient.Response declare(Map<String, ?> body) {
		return operator().post("/api/v1/service-status/events", body);
	}

	private JsonNode board() {
		ApiClient.Response board = anonymous().get("/api/v1/service-status");
		assertThat(board.status()).isEqualTo(200);
		return board.json();
	}

	private static TopicProbe.Event awaitState(String id, String state) {
		return TopicProbe.await(EventType.SERVICE_STATUS_CHANGED.topic(),
				(e) -> id.equals(e.key()) && state.equals(e.body().path("state").asString()), Duration.ofSeconds(30));
	}

	private static List<String> ids(JsonNode items) {
		return items.valueStream().map((e) -> e.path("id").asString()).toList();
	}

	private static void assertRefused(ApiClient.Response response, int status, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.json().path("errors").findValuesAsString("field")).as(response.toString()).contains(field);
	}
}
