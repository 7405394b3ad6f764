package jp.nop.cx.registration;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.nop.cx.platform.outbox.OutboxAggregate;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import jp.nop.cx.test.tenancy.Endpoint;
import jp.nop.cx.test.tenancy.TenantIsolationContract;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC section 2: a partner's token never reads or changes another partner's data, and never
 * does what only NOP may do; the service checks it itself, whatever the gateway does. The
 * intruder has no registration here, so even its {@code /me} calls find nothing.
 */
class TenantIsolationIT extends RegistrationIntegrationTest implements TenantIsolationContract {

	private String applicationId;

	private String transferId;

	/** An approved partner with a transfer it asked for and NOP has not decided yet. */
	@Override
	public String victimWithData() {
		this.applicationId = apply(newCorporateNumber());
		String victim = approve(this.applicationId);
		ApiClient.Response requested = partnerAdmin(victim).post("/api/v1/partners/me/transfers", transfer());
		assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
		this.transferId = requested.text("id");
		return victim;
	}

	@Override
	public ApiClient api() {
		return anonymous();
	}

	@Override
	public List<Endpoint> partnerScopedEndpoints(String victim) {
		return List.of(Endpoint.get("/api/v1/partners/me", "own registration information"),
				Endpoint.patch("/api/v1/partners/me", Map.of("contact", Map.of("name", "乗っ取り")),
						"change of own registration information"),
				Endpoint.post("/api/v1/partners/me/termination", Map.of("effectiveOn", "2099-01-01"),
						"notice of termination"),
				Endpoint.delete("/api/v1/partners/me/termination", "withdrawal of the notice"),
				Endpoint.get("/api/v1/partners/me/transfers", "own transfer requests"),
				Endpoint.post("/api/v1/partners/me/transfers", transfer(), "transfer request"),
				Endpoint.get("/api/v1/partners/me/export", "own backup"));
	}

	@Override
	public List<Endpoint> operatorEndpoints(String victim) {
		String application = "/api/v1/registrations/" + this.applicationId;
		String transfer = "/api/v1/transfers/" + this.transferId;
		return List.of(Endpoint.get("/api/v1/registrations", "applications"),
				Endpoint.get(application, "the victim's application"),
				Endpoint.post(application + "/approval", "{}", "approval"),
				Endpoint.post(application + "/rejection", Map.of("reason", "x"), "rejection"),
				Endpoint.get("/api/v1/partners", "partners"),
				Endpoint.get("/api/v1/partners/" + victim, "the victim's registration information"),
				Endpoint.post("/api/v1/partners/" + victim + "/termination",
						Map.of("effectiveOn", "2099-01-01", "reason", "x"), "termination by NOP"),
				Endpoint.delete("/api/v1/partners/" + victim + "/termination", "withdrawal by NOP"),
				Endpoint.get("/api/v1/transfers", "transfers"), Endpoint.get(transfer, "the victim's transfer"),
				Endpoint.post(transfer + "/consent", "{}", "consent to the transfer"),
				Endpoint.post(transfer + "/refusal", "{}", "refusal of the transfer"));
	}

	/** The victim's partner document (registration information, status, transfers), outbox aside. */
	@Override
	public Object victimSnapshot(String victim) {
		Document stored = new Document(storedPartner(victim));
		stored.remove(OutboxAggregate.OUTBOX_FIELD);
		// The relay's lease on the outbox comes and goes on its own too.
		stored.remove("_outboxLease");
		return stored;
	}

	@Test
	void aPartnerRoleWithoutAPartnerIsRefused() {
		String victim = victimWithData();
		Object before = victimSnapshot(victim);
		ApiClient noPartner = anonymous()
			.as(TestTokens.token("someone", null, List.of("PARTNER_ADMIN"), Duration.ofMinutes(5)));

		assertThat(noPartner.get("/api/v1/partners/me").status()).isEqualTo(403);
		assertThat(noPartner.get("/api/v1/partners/me/export").status()).isEqualTo(403);
		assertThat(victimSnapshot(victim)).isEqualTo(before);
	}

	@Test
	void operatorsAreNotPartners() {
		String victim = victimWithData();
		Object before = victimSnapshot(victim);

		assertThat(operator().get("/api/v1/partners/me").status()).isEqualTo(403);
		assertThat(operator().patch("/api/v1/partners/me", Map.of("contact", Map.of("name", "x"))).status())
			.isEqualTo(403);
		assertThat(victimSnapshot(victim)).isEqualTo(before);
	}

	/** A valid request for a transfer of status (Art. 17) to another company. */
	private static Map<String, Object> transfer() {
		return Map.of("transferee", Map.of("company",
				Map.of("name", "株式会社譲受", "corporateNumber", newCorporateNumber(), "postalCode", "530-0001", "address",
						"大阪府大阪市北区梅田1-1"),
				"contact", Map.of("name", "田中 次郎", "email", "tanaka@joju.example.jp", "phone", "06-1234-5678")),
				"reason", "事業譲渡のため");
	}
}
