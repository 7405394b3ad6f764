package jp.nop.cx.localstack.demo;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.nop.cx.localstack.Console;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import jp.nop.cx.localstack.Layout;
import jp.nop.cx.localstack.OperatorCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./cx demo}: walks a running stack through the main flows, through the gateway and the mail
 * API only, printing each request, its status and the interesting fields. Strict on status codes;
 * tolerant only where the system is asynchronous (polling with timeouts). Exits non-zero on the
 * first unexpected answer.
 */
public final class Demo {

	private static final Pattern ACTIVATION = Pattern.compile("/activate\\?token=([A-Za-z0-9._~%+/=-]+)");

	private static final Pattern LOGIN_ID = Pattern
		.compile("(?:Login ID|Login Id|login ID|ログインID|ログイン ID)\\s*[:：]\\s*([^\\s<>\"'、。]+)");

	private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

	private final Http http = new Http();

	private final SecureRandom random = new SecureRandom();

	private final String gateway;

	private final String mailApi;

	private final OperatorCredentials operator;

	private final long startNanos = System.nanoTime();

	private int steps;

	// What the walk learns on the way.
	private String operatorToken;

	private String partnerToken;

	private String termsVersion;

	private String registrationId;

	private String partnerId;

	private String contactEmail;

	private String partnerLoginId;

	private String partnerPassword;

	private String caseId;

	private String partnerLoginIdFromMail;

	/** An answer the demo did not expect: it stops there. */
	static final class Failed extends RuntimeException {

		Failed(String message) {
			super(message);
		}

	}

	Demo(String gateway, String mailApi, OperatorCredentials operator) {
		this.gateway = stripSlash(gateway);
		this.mailApi = stripSlash(mailApi);
		this.operator = operator;
	}

	public static int run(Layout layout, Map<String, String> env) throws IOException {
		String gateway = env.getOrDefault("CX_GATEWAY_URL", "http://localhost:8080");
		String mail = env.getOrDefault("CX_MAIL_URL", "http://localhost:8025");
		Optional<OperatorCredentials> operator = OperatorCredentials.resolve(layout.operatorPasswordFile(), env);
		if (operator.isEmpty()) {
			Console.error("cx demo: no operator password: set CX_OPERATOR_PASSWORD, or start the stack with ./cx up "
					+ "from this directory (it keeps the password in .cx/operator-password)");
			return 1;
		}
		Demo demo = new Demo(gateway, mail, operator.get());
		try {
			demo.walk();
			return 0;
		}
		catch (Http.Unreachable ex) {
			Console.error("cx demo: " + ex.getMessage() + "; is the stack running? Start it with ./cx up");
			return 1;
		}
		catch (Failed ex) {
			Console.blank();
			Console.error("cx demo: stopped at step " + demo.steps + ": " + ex.getMessage());
			return 1;
		}
	}

	void walk() {
		Console.line("cx demo: walking the stack at %s (mail: %s)", gateway, mailApi);
		statusAndTerms();
		operatorSignsIn();
		apply();
		approve();
		activateAndSignIn();
		changeTerms();
		warn();
		suspend();
		reinstate();
		new ResumptionByConsultationFlow(http, gateway, operatorToken, partnerToken, partnerId).run();
		backup();
		supplementaryTerms();
		new SupplementComplianceFlow(http, gateway, operatorToken, partnerToken, partnerId).run();
		webhook();
		terminationNotice();
		maintenance();
		summary();
		memberAndLossReport();
		new TransferRefusalFlow(http, gateway, operatorToken, partnerToken).run();
		transfer();
		Console.blank();
		Console.line("cx demo: all steps passed in %.1f s.", (System.nanoTime() - startNanos) / 1e9);
	}

	// ------------------------------------------------------------------ steps

	private void statusAndTerms() {
		step("Service status and the terms in force (anonymous)");
		Http.Response status = expect(get("/api/v1/service-status", null), 200);
		ok(status, "service status: " + abbreviate(status.json().toString(), 120));
		Http.Response terms = expect(get("/api/v1/terms/current", null), 200);
		termsVersion = text(terms.json(), "version");
		require(!termsVersion.isEmpty(), "GET /api/v1/terms/current has no version");
		ok(terms, "version " + termsVersion + ", effectiveFrom " + text(terms.json(), "effectiveFrom") + ", title 「"
				+ text(terms.json(), "title") + "」, sha256 " + abbreviate(text(terms.json(), "sha256"), 16));
	}

	private void operatorSignsIn() {
		step("The operator signs in");
		operatorToken = signIn(operator.login(), operator.password());
	}

	private void apply() {
		step("A company applies (anonymous)");
		long stamp = System.currentTimeMillis();
		contactEmail = "demo+" + stamp + "@example.co.jp";
		String corporateNumber = CorporateNumber.random(random);
		ObjectNode body = Http.JSON.createObjectNode();
		ObjectNode company = body.putObject("company");
		company.put("name", "株式会社デモ商事");
		company.put("corporateNumber", corporateNumber);
		company.put("postalCode", "100-0001");
		company.put("address", "東京都千代田区千代田1-1 デモビル3階");
		ObjectNode representative = body.putObject("representative");
		representative.put("name", "山田 太郎");
		representative.put("title", "代表取締役");
		ObjectNode contact = body.putObject("contact");
		contact.put("name", "佐藤 花子");
		contact.put("email", contactEmail);
		contact.put("phone", "03-1234-5678");
		body.put("preferredLanguage", "ja");
		ObjectNode agreement = body.putObject("agreement");
		agreement.put("termsVersion", termsVersion);
		agreement.put("accepted", true);
		Http.Response created = expect(send("POST", "/api/v1/registrations", null, body), 201);
		registrationId = text(created.json(), "id");
		require(!registrationId.isEmpty(), "the application answer has no id");
		require("SUBMITTED".equals(text(created.json(), "status")),
				"expected status SUBMITTED, got " + text(created.json(), "status"));
		ok(created, "id " + registrationId + ", status SUBMITTED (株式会社デモ商事, 法人番号 " + corporateNumber + ", "
				+ contactEmail + ")");
	}

	private void approve() {
		step("The operator reviews and approves");
		Http.Response list = expect(get("/api/v1/registrations?status=SUBMITTED", operatorToken), 200);
		List<JsonNode> items = items(list.json());
		boolean listed = items.stream().anyMatch((item) -> registrationId.equals(text(item, "id")));
		ok(list, items.size() + " submitted application(s)"
				+ (listed ? ", ours among them" : " (ours is not on the first page)"));
		Http.Response approval = expect(send("POST", "/api/v1/registrations/" + encode(registrationId) + "/approval",
				operatorToken, Http.JSON.createObjectNode()), 200, 201);
		partnerId = text(approval.json(), "partnerId");
		require(!partnerId.isEmpty(), "the approval answer has no partnerId");
		ok(approval, "partnerId " + partnerId);
	}

	private void activateAndSignIn() {
		step("Activation: the administrator ID arrives by mail (Art. 4.1)");
		Console.line("  … waiting for the activation mail to %s", contactEmail);
		JsonNode mail = poll("the activation mail to " + contactEmail, Duration.ofSeconds(30), () -> mailsTo(contactEmail)
			.stream()
			.map(this::mailDetail)
			.filter((detail) -> ACTIVATION.matcher(mailText(detail)).find())
			.findFirst());
		String text = mailText(mail);
		Matcher token = ACTIVATION.matcher(text);
		require(token.find(), "no activation link in the mail");
		String activationToken = URLDecoder.decode(token.group(1), StandardCharsets.UTF_8);
		Matcher login = LOGIN_ID.matcher(text);
		require(login.find(), "no 'Login ID:' / 'ログインID:' line in the activation mail");
		partnerLoginId = login.group(1);
		Console.line("  ✓ mail 「%s」: login ID %s, activation token %s…", text(mail, "Subject"), partnerLoginId,
				abbreviate(activationToken, 8));

		partnerPassword = strongPassword();
		ObjectNode activation = Http.JSON.createObjectNode();
		activation.put("token", activationToken);
		activation.put("newPassword", partnerPassword);
		Http.Response activated = expect(send("POST", "/api/v1/auth/activation", null, activation), 200, 204);
		ok(activated, "password set for " + partnerLoginId);

		partnerToken = signIn(partnerLoginId, partnerPassword);
		Http.Response me = expect(get("/api/v1/partners/me", partnerToken), 200);
		ok(me, "partner " + firstNonEmpty(text(me.json(), "id"), text(me.json(), "partnerId")) + ": "
				+ text(me.json().path("company"), "name") + " (" + text(me.json().path("company"), "corporateNumber")
				+ ")" + optional(" status ", text(me.json(), "status")));
	}

	private void changeTerms() {
		step("Terms change (Art. 16): publish, take effect, deemed acceptance by use");
		Http.Response versions = expect(get("/api/v1/terms/versions", null), 200);
		List<String> known = new ArrayList<>();
		items(versions.json()).forEach((item) -> known.add(item.isValueNode() ? item.asString() : text(item, "version")));
		String next = nextVersion(termsVersion, known);
		Instant effectiveFrom = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
		ObjectNode body = Http.JSON.createObjectNode();
		body.put("version", next);
		body.put("effectiveFrom", effectiveFrom.toString());
		body.put("title", "NOP CXポータル利用規約（第" + next + "版）");
		body.put("body", "# NOP CXポータル利用規約（第" + next + "版）\n\n第1条（目的）\n本規約は、デモのために改定された第" + next
				+ "版です。\n\n"
				+ "第16条（本規約の変更）\n変更後の本規約は、効力発生日以降に本サービスを利用したことをもって同意したものとみなします。\n");
		body.put("changeSummary", "デモ: 第16条の表現を明確化しました。");
		body.put("language", "ja");
		Http.Response published = expect(send("POST", "/api/v1/terms/versions", operatorToken, body), 201);
		ok(published, "version " + next + " published, effective from " + effectiveFrom);

		Console.line("  … waiting until version %s is in force", next);
		poll("version " + next + " in force", Duration.ofSeconds(20), () -> {
			Http.Response current = http.send("GET", gateway + "/api/v1/terms/current", null, null);
			return (current.status() == 200 && next.equals(text(current.json(), "version"))) ? Optional.of(current)
					: Optional.empty();
		});
		Console.line("  ✓ GET /api/v1/terms/current answers version %s", next);
		Http.Response diff = expect(get("/api/v1/terms/versions/" + encode(next) + "/diff?from=" + encode(termsVersion),
				null), 200);
		ok(diff, "line diff " + termsVersion + " → " + next + ": +" + text(diff.json(), "added") + " / -"
				+ text(diff.json(), "removed") + " lines");

		Http.Response use = expect(get("/api/v1/partners/me", partnerToken), 200);
		ok(use, "the partner uses the portal after the change");

		// The gateway reports the first use after a terms version takes effect at once (partner-activity).
		Console.line("  … waiting for the DEEMED_BY_USE acceptance of version %s", next);
		JsonNode acceptance = poll("a DEEMED_BY_USE acceptance of version " + next, Duration.ofSeconds(20), () -> {
			Http.Response mine = http.send("GET", gateway + "/api/v1/terms/acceptances/me", partnerToken, null);
			if (mine.status() != 200) {
				throw new Failed("GET /api/v1/terms/acceptances/me answered " + mine.status() + ": "
						+ abbreviate(mine.body(), 300));
			}
			return items(mine.json()).stream()
				.filter((item) -> "DEEMED_BY_USE".equals(text(item, "method")) && versionMatches(item, next))
				.findFirst();
		});
		Console.line("  ✓ GET /api/v1/terms/acceptances/me: version %s, method DEEMED_BY_USE, acceptedAt %s", next,
				text(acceptance, "acceptedAt"));

		Console.line("  … waiting for the terms-change notice (Art. 16.2)");
		String notice = poll("the terms-change notice in the inbox or the mail", Duration.ofSeconds(20),
				() -> termsNotice(next));
		Console.line("  ✓ %s", notice);
		termsVersion = next;
	}

	private void warn() {
		step("Warning (Art. 7.2)");
		ObjectNode kase = Http.JSON.createObjectNode();
		kase.put("partnerId", partnerId);
		kase.put("category", "TERMS_VIOLATION");
		kase.put("description", "デモ: 利用規約第7条第1項第1号に該当するおそれのある行為の報告（テスト）");
		kase.put("evidence", "デモ用の証跡: アクセスログ抜粋 2026-01-01T00:00:00Z");
		Http.Response created = expect(send("POST", "/api/v1/enforcement/cases", operatorToken, kase), 201);
		caseId = text(created.json(), "id");
		require(!caseId.isEmpty(), "the case answer has no id");
		ok(created, "case " + caseId + " (TERMS_VIOLATION)");

		ObjectNode warning = Http.JSON.createObjectNode();
		warning.put("type", "WARNING");
		warning.put("note", "デモ: 是正をお願いします。");
		Http.Response measure = expect(send("POST", "/api/v1/enforcement/cases/" + encode(caseId) + "/measures",
				operatorToken, warning), 201);
		ok(measure, "measure " + text(measure.json(), "id") + " WARNING");

		Console.line("  … waiting for the partner's standing to show WARNED");
		awaitStanding("WARNED");
	}

	private void suspend() {
		step("Suspension of all use (Art. 7.2), enforced at the gateway");
		ObjectNode suspension = Http.JSON.createObjectNode();
		suspension.put("type", "SUSPENSION");
		suspension.putObject("scope").put("all", true);
		suspension.put("note", "デモ: 全面的な利用停止");
		Http.Response measure = expect(send("POST", "/api/v1/enforcement/cases/" + encode(caseId) + "/measures",
				operatorToken, suspension), 201);
		ok(measure, "measure " + text(measure.json(), "id") + " SUSPENSION {all: true}");

		Console.line("  … waiting for the gateway to refuse the partner");
		Http.Response refused = poll("a 403 for the suspended partner", Duration.ofSeconds(10), () -> {
			Http.Response me = http.send("GET", gateway + "/api/v1/partners/me", partnerToken, null);
			return me.status() == 403 ? Optional.of(me) : Optional.empty();
		});
		require(refused.isProblem(), "the 403 is not application/problem+json but '" + refused.contentType() + "'");
		Console.line("  → GET /api/v1/partners/me");
		ok(refused, "application/problem+json: " + problem(refused.json()));
	}

	private void reinstate() {
		step("Reinstatement (Art. 7.5)");
		ObjectNode resolution = Http.JSON.createObjectNode();
		resolution.put("note", "デモ: 是正を確認したため措置を解除します。");
		Http.Response resolved = expect(send("POST", "/api/v1/enforcement/cases/" + encode(caseId) + "/resolution",
				operatorToken, resolution), 200);
		ok(resolved, "case " + caseId + " resolved" + optional(", status ", text(resolved.json(), "status")));

		Console.line("  … waiting for the gateway to let the partner in again");
		poll("a 200 for the reinstated partner", Duration.ofSeconds(10), () -> {
			Http.Response me = http.send("GET", gateway + "/api/v1/partners/me", partnerToken, null);
			return me.status() == 200 ? Optional.of(me) : Optional.empty();
		});
		Console.line("  ✓ GET /api/v1/partners/me answers 200 again");
		awaitStanding("GOOD");
	}

	private void backup() {
		step("Backup of everything held about the partner (Art. 5, 6)");
		Http.Response export = expect(get("/api/v1/partners/me/export", partnerToken), 200);
		JsonNode services = export.json().path("services");
		List<String> parts = new ArrayList<>();
		services.propertyNames().forEach(parts::add);
		ok(export, "one document: registration info + " + String.join(", ", parts) + " ("
				+ export.body().length() + " bytes)");
	}

	private void supplementaryTerms() {
		step("Supplementary terms for the webhooks capability (Art. 1.2, 1.3) and compliance");
		Http.Response existing = expect(get("/api/v1/terms/supplements?scope=webhooks", null), 200);
		List<String> known = new ArrayList<>();
		items(existing.json()).forEach((item) -> known.add(text(item, "version")));
		String next = nextVersion("0", known);
		ObjectNode body = Http.JSON.createObjectNode();
		body.put("scope", "webhooks");
		body.put("version", next);
		body.put("effectiveFrom", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
		body.put("title", "Webhook利用に関する補足規約（第" + next + "版）");
		body.put("body", "第1条（適用）\nWebhookの利用には本補足規約が適用され、本規約と異なる定めは本補足規約が優先します。\n");
		body.put("changeSummary", "デモ: Webhook利用の補足規約");
		body.put("language", "ja");
		Http.Response published = expect(send("POST", "/api/v1/terms/supplements", operatorToken, body), 201);
		ok(published, "supplement webhooks:" + next + " published");
		Http.Response effective = expect(get("/api/v1/terms/effective?scope=webhooks", null), 200);
		long prevailing = 0;
		for (JsonNode supplement : effective.json().path("supplements")) {
			if (supplement.path("prevailing").asBoolean()) {
				prevailing++;
			}
		}
		ok(effective, "base version " + text(effective.json().path("base"), "version") + " + " + prevailing
				+ " prevailing supplement(s) for webhooks");
		Http.Response compliance = expect(get("/api/v1/terms/compliance", operatorToken), 200);
		ok(compliance, "version " + text(compliance.json(), "version") + ": " + text(compliance.json(), "activePartners")
				+ " active partner(s), " + text(compliance.json(), "notAccepted") + " not yet accepted");
	}

	private void webhook() {
		step("Webhook endpoint (signed notices): private targets refused, secret shown once");
		ObjectNode loopback = Http.JSON.createObjectNode();
		loopback.put("url", "http://127.0.0.1:9000/hook");
		Http.Response refused = send("PUT", "/api/v1/notifications/me/webhook", partnerToken, loopback);
		if (refused.status() == 200) {
			ok(refused, "loopback accepted: this stack runs with CX_WEBHOOK_ALLOW_PRIVATE_TARGETS=true");
		}
		else {
			expect(refused, 422);
			ok(refused, "loopback refused: " + problem(refused.json()));
		}
		ObjectNode endpoint = Http.JSON.createObjectNode();
		endpoint.put("url", "https://93.184.215.14/cx/hook");
		Http.Response registered = expect(send("PUT", "/api/v1/notifications/me/webhook", partnerToken, endpoint), 200);
		ok(registered, "endpoint " + text(registered.json(), "url") + ", signing secret "
				+ abbreviate(text(registered.json(), "secret"), 10) + " (shown this once)");
		Http.Response shown = expect(get("/api/v1/notifications/me/webhook", partnerToken), 200);
		require(text(shown.json(), "secret").isEmpty(), "the webhook secret is shown again");
		ok(shown, "status " + text(shown.json(), "status") + ", no secret in later answers");
	}

	private void terminationNotice() {
		step("Termination notice (Art. 12.1): too soon, then scheduled, then withdrawn");
		ObjectNode tooSoon = Http.JSON.createObjectNode();
		tooSoon.put("effectiveOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(1).toString());
		Http.Response refused = expect(send("POST", "/api/v1/partners/me/termination", partnerToken, tooSoon), 422);
		String earliest = text(refused.json(), "earliestEffectiveOn");
		require(!earliest.isEmpty(), "the 422 does not name earliestEffectiveOn");
		ok(refused, "notice period not met: earliestEffectiveOn " + earliest);
		ObjectNode onTime = Http.JSON.createObjectNode();
		onTime.put("effectiveOn", earliest);
		Http.Response scheduled = expect(send("POST", "/api/v1/partners/me/termination", partnerToken, onTime), 200,
				201);
		ok(scheduled, "termination scheduled for " + earliest + optional(", status ", text(scheduled.json(), "status")));
		Http.Response withdrawn = expect(send("DELETE", "/api/v1/partners/me/termination", partnerToken, null), 200,
				204);
		ok(withdrawn, "withdrawn before it took effect");
	}

	private void maintenance() {
		step("Maintenance of the terms capability (Art. 10): 503 with Retry-After, no notice beforehand");
		Instant now = Instant.now();
		ObjectNode event = Http.JSON.createObjectNode();
		event.put("kind", "MAINTENANCE");
		event.put("reason", "VERSION_UP");
		event.putObject("scope").putArray("capabilities").add("terms");
		event.put("startsAt", now.toString());
		event.put("endsAt", now.plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS).toString());
		Http.Response declared = expect(send("POST", "/api/v1/service-status/events", operatorToken, event), 201);
		String eventId = text(declared.json(), "id");
		ok(declared, "event " + eventId + " MAINTENANCE {capabilities: [terms]}");
		Http.Response unavailable = poll("a 503 on the terms capability", Duration.ofSeconds(10), () -> {
			Http.Response answer = http.send("GET", gateway + "/api/v1/terms/acceptances/me", partnerToken, null);
			return answer.status() == 503 ? Optional.of(answer) : Optional.empty();
		});
		Console.line("  → GET /api/v1/terms/acceptances/me");
		ok(unavailable, "Retry-After " + unavailable.header("Retry-After") + " s: " + problem(unavailable.json()));
		Http.Response other = expect(get("/api/v1/partners/me", partnerToken), 200);
		ok(other, "other capabilities keep working");
		Http.Response ended = expect(send("POST", "/api/v1/service-status/events/" + encode(eventId) + "/end",
				operatorToken, Http.JSON.createObjectNode()), 200);
		ok(ended, "maintenance ended");
		poll("the terms capability back", Duration.ofSeconds(10), () -> {
			Http.Response answer = http.send("GET", gateway + "/api/v1/terms/acceptances/me", partnerToken, null);
			return answer.status() == 200 ? Optional.of(answer) : Optional.empty();
		});
		Console.line("  ✓ GET /api/v1/terms/acceptances/me answers 200 again");
	}

	private void memberAndLossReport() {
		step("A member ID (Art. 4.2), then its loss reported (Art. 4.3): blocked at once, operator alerted");
		String memberEmail = "member+" + System.currentTimeMillis() + "@example.co.jp";
		ObjectNode member = Http.JSON.createObjectNode();
		member.put("email", memberEmail);
		member.put("name", "鈴木 一郎");
		Http.Response created = expect(send("POST", "/api/v1/identity/members", partnerToken, member), 201);
		String memberLoginId = text(created.json(), "loginId");
		ok(created, "member " + memberLoginId + " created by the administrator");
		String memberPassword = activateFromMail(memberEmail);
		String memberToken = signIn(memberLoginId, memberPassword);
		Http.Response me = expect(get("/api/v1/identity/me", memberToken), 200);
		ok(me, "the member acts for partner " + text(me.json(), "partnerId") + " with roles " + me.json().path("roles"));

		ObjectNode incident = Http.JSON.createObjectNode();
		incident.put("type", "LOST");
		incident.put("detail", "デモ: 端末を紛失しました。");
		Http.Response reported = expect(send("POST", "/api/v1/identity/me/incidents", memberToken, incident), 202);
		ok(reported, "incident " + firstNonEmpty(text(reported.json(), "incidentId"), text(reported.json(), "id")));
		Http.Response refused = poll("the gateway refusing the reported ID's token", Duration.ofSeconds(5), () -> {
			Http.Response answer = http.send("GET", gateway + "/api/v1/identity/me", memberToken, null);
			return answer.status() == 401 ? Optional.of(answer) : Optional.empty();
		});
		Console.line("  → GET /api/v1/identity/me");
		ok(refused, "the member's existing token is refused at the gateway");
		ObjectNode body = Http.JSON.createObjectNode();
		body.put("loginId", memberLoginId);
		body.put("password", memberPassword);
		Http.Response signIn = expect(send("POST", "/api/v1/auth/token", null, body), 401);
		ok(signIn, "and the member ID can no longer sign in (the operator can reissue it)");
		Http.Response admin = expect(get("/api/v1/partners/me", partnerToken), 200);
		ok(admin, "the administrator's ID is not affected");
	}

	private void transfer() {
		step("Transfer of status (Art. 17): requested, consented by NOP, IDs move to the transferee");
		String transfereeEmail = "transferee+" + System.currentTimeMillis() + "@example.co.jp";
		ObjectNode request = Http.JSON.createObjectNode();
		ObjectNode transferee = request.putObject("transferee");
		ObjectNode company = transferee.putObject("company");
		company.put("name", "株式会社デモ承継");
		company.put("corporateNumber", CorporateNumber.random(random));
		company.put("postalCode", "530-0001");
		company.put("address", "大阪府大阪市北区梅田1-1-1");
		ObjectNode contact = transferee.putObject("contact");
		contact.put("name", "田中 次郎");
		contact.put("email", transfereeEmail);
		contact.put("phone", "06-1234-5678");
		request.put("reason", "デモ: 事業譲渡のため");
		Http.Response requested = expect(send("POST", "/api/v1/partners/me/transfers", partnerToken, request), 201);
		String transferId = text(requested.json(), "id");
		ok(requested, "transfer " + transferId + " REQUESTED (nothing moves without NOP's consent)");
		Http.Response consent = expect(send("POST", "/api/v1/transfers/" + encode(transferId) + "/consent",
				operatorToken, Http.JSON.createObjectNode()), 200);
		ok(consent, "NOP consented");
		Http.Response refused = poll("the old administrator's token refused", Duration.ofSeconds(10), () -> {
			Http.Response answer = http.send("GET", gateway + "/api/v1/partners/me", partnerToken, null);
			return answer.status() == 401 ? Optional.of(answer) : Optional.empty();
		});
		Console.line("  → GET /api/v1/partners/me");
		ok(refused, "the transferor's IDs are revoked");
		String newPassword = activateFromMail(transfereeEmail);
		partnerLoginId = partnerLoginIdFromMail;
		partnerToken = signIn(partnerLoginId, newPassword);
		Http.Response me = expect(get("/api/v1/partners/me", partnerToken), 200);
		ok(me, "partner " + text(me.json(), "partnerId") + " is now " + text(me.json().path("company"), "name"));
	}

	/** Waits for the activation mail to {@code email}, activates it, and returns the password set. */
	private String activateFromMail(String email) {
		Console.line("  … waiting for the activation mail to %s", email);
		JsonNode mail = poll("the activation mail to " + email, Duration.ofSeconds(30), () -> mailsTo(email).stream()
			.map(this::mailDetail)
			.filter((detail) -> ACTIVATION.matcher(mailText(detail)).find())
			.findFirst());
		String text = mailText(mail);
		Matcher token = ACTIVATION.matcher(text);
		require(token.find(), "no activation link in the mail");
		Matcher login = LOGIN_ID.matcher(text);
		require(login.find(), "no 'Login ID:' / 'ログインID:' line in the activation mail");
		partnerLoginIdFromMail = login.group(1);
		String password = strongPassword();
		ObjectNode activation = Http.JSON.createObjectNode();
		activation.put("token", URLDecoder.decode(token.group(1), StandardCharsets.UTF_8));
		activation.put("newPassword", password);
		Http.Response activated = expect(send("POST", "/api/v1/auth/activation", null, activation), 200, 204);
		ok(activated, "mail 「" + text(mail, "Subject") + "」: login ID " + login.group(1) + " activated");
		return password;
	}

	private void summary() {
		step("Summary");
		Http.Response inbox = expect(get("/api/v1/notifications/me", partnerToken), 200);
		List<JsonNode> notices = items(inbox.json());
		ok(inbox, notices.size() + " notice(s) in the partner's inbox" + optional(", unread ", text(inbox.json(), "unread")));
		for (JsonNode notice : notices.subList(0, Math.min(notices.size(), 8))) {
			Console.line("      · %s", noticeTitle(notice));
		}
		List<JsonNode> mails = mailsTo(contactEmail);
		Console.line("  ✓ %d mail(s) caught for %s (read them at %s)", mails.size(), contactEmail, mailApi);
		for (JsonNode mail : mails.subList(0, Math.min(mails.size(), 8))) {
			Console.line("      · %s", text(mail, "Subject"));
		}
		Console.line("  partner      %s (application %s)", partnerId, registrationId);
		Console.line("  login ID     %s", partnerLoginId);
		Console.line("  terms        version %s in force, deemed accepted by use", termsVersion);
		Console.line("  case         %s: warned, suspended, reinstated", caseId);
		Console.line("  then: a member ID and its loss report; the transfer of the partner's status");
	}

	// ------------------------------------------------------------------ helpers

	private String signIn(String loginId, String password) {
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

	private void awaitStanding(String expected) {
		Http.Response standing = poll("standing " + expected, Duration.ofSeconds(10), () -> {
			Http.Response answer = http.send("GET", gateway + "/api/v1/enforcement/me/standing", partnerToken, null);
			if (answer.status() != 200) {
				throw new Failed("GET /api/v1/enforcement/me/standing answered " + answer.status() + ": "
						+ abbreviate(answer.body(), 300));
			}
			return expected.equals(text(answer.json(), "status")) ? Optional.of(answer) : Optional.empty();
		});
		Console.line("  → GET /api/v1/enforcement/me/standing");
		ok(standing, "status " + expected + ", active measures: " + standing.json().path("activeMeasures").size());
	}

	private Optional<String> termsNotice(String version) {
		Http.Response inbox = http.send("GET", gateway + "/api/v1/notifications/me", partnerToken, null);
		if (inbox.status() == 200) {
			for (JsonNode item : items(inbox.json())) {
				String all = item.toString().toLowerCase(Locale.ROOT);
				if (all.contains("terms") || all.contains("規約")) {
					return Optional.of("inbox: " + noticeTitle(item));
				}
			}
		}
		for (JsonNode mail : mailsTo(contactEmail)) {
			String subject = text(mail, "Subject");
			if (subject.contains("規約") || subject.toLowerCase(Locale.ROOT).contains("terms")) {
				return Optional.of("mail: 「" + subject + "」");
			}
		}
		return Optional.empty();
	}

	private List<JsonNode> mailsTo(String address) {
		Http.Response list = http.send("GET", mailApi + "/api/v1/messages?limit=200", null, null);
		if (list.status() != 200) {
			throw new Failed("GET " + mailApi + "/api/v1/messages answered " + list.status());
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
			throw new Failed("GET /api/v1/message/" + text(summary, "ID") + " answered " + detail.status());
		}
		return detail.json();
	}

	private static String mailText(JsonNode detail) {
		String text = text(detail, "Text");
		return text.isBlank() ? text(detail, "HTML").replaceAll("<[^>]*>", " ").replace("&amp;", "&") : text;
	}

	private Http.Response get(String path, String bearer) {
		return send("GET", path, bearer, null);
	}

	private Http.Response send(String method, String path, String bearer, JsonNode body) {
		Console.line("  → %s %s", method, path);
		return http.send(method, gateway + path, bearer, body);
	}

	private Http.Response expect(Http.Response response, int... statuses) {
		if (Arrays.stream(statuses).noneMatch((status) -> status == response.status())) {
			Console.line("  ✗ %d (expected %s) %s", response.status(),
					String.join(" or ", Arrays.stream(statuses).mapToObj(String::valueOf).toList()),
					response.body().isBlank() ? "(no body)" : abbreviate(response.body().replaceAll("\\s+", " "), 400));
			throw new Failed("unexpected status " + response.status());
		}
		return response;
	}

	private static void ok(Http.Response response, String detail) {
		Console.line("  ✓ %d %s", response.status(), detail);
	}

	private void require(boolean condition, String message) {
		if (!condition) {
			Console.line("  ✗ %s", message);
			throw new Failed(message);
		}
	}

	private <T> T poll(String what, Duration timeout, Supplier<Optional<T>> attempt) {
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
			throw new Failed("timed out waiting for " + what);
		}
		return found.get();
	}

	private void step(String title) {
		steps++;
		Console.blank();
		Console.line("%d. %s", steps, title);
	}

	/** Items of a list answer: a bare array, or {items: [...]}, or a page {content: [...]}. */
	static List<JsonNode> items(JsonNode json) {
		JsonNode array = json.isArray() ? json
				: json.path("items").isArray() ? json.path("items") : json.path("content");
		List<JsonNode> result = new ArrayList<>();
		if (array.isArray()) {
			array.forEach(result::add);
		}
		return result;
	}

	/** The next version after {@code current}, greater than every known one. */
	static String nextVersion(String current, List<String> known) {
		List<String> all = new ArrayList<>(known);
		all.add(current);
		if (all.stream().allMatch((v) -> v.matches("\\d{1,9}"))) {
			return String.valueOf(all.stream().mapToInt(Integer::parseInt).max().orElse(0) + 1);
		}
		Matcher trailing = Pattern.compile("^(.*?)(\\d+)$").matcher(current);
		if (trailing.matches()) {
			int n = Integer.parseInt(trailing.group(2));
			String candidate;
			do {
				n++;
				candidate = trailing.group(1) + n;
			}
			while (all.contains(candidate));
			return candidate;
		}
		String candidate = current + ".1";
		while (all.contains(candidate)) {
			candidate = candidate + ".1";
		}
		return candidate;
	}

	private static boolean versionMatches(JsonNode item, String version) {
		if (version.equals(text(item, "version"))) {
			return true;
		}
		for (JsonNode v : item.path("versions")) {
			if (version.equals(v.asString())) {
				return true;
			}
		}
		return false;
	}

	private static String noticeTitle(JsonNode notice) {
		for (String field : List.of("title", "subject", "template", "type", "eventType")) {
			String value = text(notice, field);
			if (!value.isBlank()) {
				return value;
			}
		}
		return abbreviate(notice.toString(), 100);
	}

	private static String problem(JsonNode problem) {
		return "status " + text(problem, "status") + ", type " + text(problem, "type") + ", title 「"
				+ text(problem, "title") + "」" + optional(", detail 「", text(problem, "detail"), "」");
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? "" : value.isValueNode() ? value.asString() : value.toString();
	}

	private static String optional(String prefix, String value) {
		return optional(prefix, value, "");
	}

	private static String optional(String prefix, String value, String suffix) {
		return value.isBlank() ? "" : prefix + value + suffix;
	}

	private static String firstNonEmpty(String first, String second) {
		return first.isBlank() ? second : first;
	}

	private static String abbreviate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max) + "…";
	}

	private static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private String strongPassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		StringBuilder password = new StringBuilder("Demo-");
		for (int i = 0; i < 14; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.append("!7q").toString();
	}

}
