package jp.nop.cx.gateway.audit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every write of SPEC section 3 is recorded under its route template, with its IDs as targets. */
class ActionTemplateTest {

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = '|', value = {
			"PATCH|/api/v1/partners/me|PATCH /api/v1/partners/me|",
			"POST|/api/v1/registrations|POST /api/v1/registrations|",
			"POST|/api/v1/registrations/r-1/approval|POST /api/v1/registrations/{registrationId}/approval|registrationId=r-1",
			"POST|/api/v1/registrations/r-1/rejection|POST /api/v1/registrations/{registrationId}/rejection|registrationId=r-1",
			"POST|/api/v1/partners/me/termination|POST /api/v1/partners/me/termination|",
			"DELETE|/api/v1/partners/p-9/termination|DELETE /api/v1/partners/{partnerId}/termination|partnerId=p-9",
			"POST|/api/v1/partners/me/transfers|POST /api/v1/partners/me/transfers|",
			"POST|/api/v1/transfers/t-1/consent|POST /api/v1/transfers/{transferId}/consent|transferId=t-1",
			"POST|/api/v1/transfers/t-1/refusal|POST /api/v1/transfers/{transferId}/refusal|transferId=t-1",
			"POST|/api/v1/auth/token/mfa|POST /api/v1/auth/token/mfa|",
			"POST|/api/v1/identity/members|POST /api/v1/identity/members|",
			"DELETE|/api/v1/identity/members/yamada|DELETE /api/v1/identity/members/{memberId}|memberId=yamada",
			"POST|/api/v1/identity/me/incidents|POST /api/v1/identity/me/incidents|",
			"POST|/api/v1/identity/credentials/operator/reissue|POST /api/v1/identity/credentials/{credentialId}/reissue|credentialId=operator",
			"PUT|/api/v1/identity/me/password|PUT /api/v1/identity/me/password|",
			"POST|/api/v1/identity/me/mfa/confirmation|POST /api/v1/identity/me/mfa/confirmation|",
			"DELETE|/api/v1/identity/me/mfa|DELETE /api/v1/identity/me/mfa|",
			"POST|/api/v1/identity/keys/rotation|POST /api/v1/identity/keys/rotation|",
			"POST|/api/v1/terms/versions|POST /api/v1/terms/versions|",
			"POST|/api/v1/terms/supplements|POST /api/v1/terms/supplements|",
			"POST|/api/v1/terms/acceptances|POST /api/v1/terms/acceptances|",
			"POST|/api/v1/enforcement/cases|POST /api/v1/enforcement/cases|",
			"POST|/api/v1/enforcement/cases/c-1/measures|POST /api/v1/enforcement/cases/{caseId}/measures|caseId=c-1",
			"POST|/api/v1/enforcement/cases/c-1/damage-claims|POST /api/v1/enforcement/cases/{caseId}/damage-claims|caseId=c-1",
			"POST|/api/v1/enforcement/cases/c-1/resolution|POST /api/v1/enforcement/cases/{caseId}/resolution|caseId=c-1",
			"POST|/api/v1/enforcement/cases/c-1/evidence|POST /api/v1/enforcement/cases/{caseId}/evidence|caseId=c-1",
			"POST|/api/v1/enforcement/me/cases/c-1/proposals|POST /api/v1/enforcement/me/cases/{caseId}/proposals|caseId=c-1",
			"POST|/api/v1/enforcement/cases/c-1/proposals/pr-2/agreement|POST /api/v1/enforcement/cases/{caseId}/proposals/{proposalId}/agreement|caseId=c-1,proposalId=pr-2",
			"POST|/api/v1/service-status/events|POST /api/v1/service-status/events|",
			"POST|/api/v1/service-status/events/e-1/end|POST /api/v1/service-status/events/{eventId}/end|eventId=e-1",
			"POST|/api/v1/notifications/n-1/read|POST /api/v1/notifications/{notificationId}/read|notificationId=n-1",
			"PUT|/api/v1/notifications/me/webhook|PUT /api/v1/notifications/me/webhook|" })
	void theActionIsTheRouteTemplateAndTheTargetsItsIds(String method, String path, String action, String targets) {
		ActionTemplate template = ActionTemplate.of(method, path);

		assertThat(template.action()).isEqualTo(action);
		assertThat(String.join(",", template.targets().stream().map((t) -> t.name() + "=" + t.value()).toList()))
			.isEqualTo((targets != null) ? targets : "");
	}
}
