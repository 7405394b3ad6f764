package jp.nop.cx.events;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CapabilityWireTest {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void capabilitiesTravelByTheirLowerCaseSpecNames() {
		assertThat(Capability.wireNames()).containsExactly("registration", "identity", "terms", "enforcement",
				"notifications", "webhooks", "export");
		PartnerSuspended suspended = new PartnerSuspended("p-1", "c-1", "m-1", "TERMS_VIOLATION", false,
				List.of(Capability.EXPORT, Capability.WEBHOOKS), "停止", Instant.parse("2026-04-01T00:00:00Z"));
		String json = this.mapper.writeValueAsString(suspended);
		assertThat(json).contains("\"capabilities\":[\"export\",\"webhooks\"]");
		assertThat(this.mapper.readValue(json, PartnerSuspended.class)).isEqualTo(suspended);
	}

	@Test
	void readingToleratesLetterCaseButNotUnknownNames() {
		String json = "{\"eventId\":\"e-1\",\"kind\":\"MAINTENANCE\",\"all\":false,\"urgent\":false,"
				+ "\"capabilities\":[\"TERMS\",\" export \"]}";
		assertThat(this.mapper.readValue(json, ServiceStatusChanged.class).capabilities())
			.containsExactly(Capability.TERMS, Capability.EXPORT);
		assertThatExceptionOfType(DatabindException.class).isThrownBy(() -> this.mapper
			.readValue("{\"partnerId\":\"p-1\",\"capability\":\"billing\"}", PartnerActivity.class));
	}

}
