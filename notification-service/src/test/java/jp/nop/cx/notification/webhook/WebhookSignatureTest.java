package jp.nop.cx.notification.webhook;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

	@Test
	void signsAsTheStandardWebhooksReferenceVectorSays() {
		// The test vector of the Standard Webhooks reference libraries.
		WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
		assertThat(WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void aGeneratedSecretIsWhsecAndAtLeast24RandomBytes() {
		WebhookSecret one = WebhookSecret.generate();
		WebhookSecret two = WebhookSecret.generate();
		assertThat(one.value()).startsWith("whsec_");
		assertThat(Base64.getDecoder().decode(one.value().substring(6))).hasSizeGreaterThanOrEqualTo(24);
		assertThat(one).isNotEqualTo(two);
		assertThat(one.toString()).doesNotContain(one.value().substring(6));
	}
}
