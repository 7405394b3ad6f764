package jp.nop.cx.registration;

import jp.nop.cx.test.security.RevocationContract;

/**
 * Art. 4.3: this service refuses a revoked token itself, even one of the revocation's own
 * second, and a token of another issuer; it is ready only with the revocations read.
 */
class RevocationIT extends RegistrationIntegrationTest implements RevocationContract {

	@Override
	public String partnerEndpoint() {
		return "/api/v1/partners/me";
	}
}
