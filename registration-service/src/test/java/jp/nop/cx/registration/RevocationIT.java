package jp.nop.cx.registration;

import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.security.RevocationContract;

import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * Art. 4.3: this service refuses a revoked token itself, even one of the revocation's own
 * second, and a token of another issuer; it is ready only with the revocations read.
 */
class RevocationIT extends RegistrationIntegrationTest implements RevocationContract {

	@LocalManagementPort
	int managementPort;

	@Override
	public ApiClient management() {
		return ApiClient.at(this.managementPort);
	}

	@Override
	public ApiClient api() {
		return anonymous();
	}

	@Override
	public String partnerEndpoint() {
		return "/api/v1/partners/me";
	}
}
