package jp.nop.cx.gateway.security;

import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedSignaturesTest {

	private static KeyPair signing;

	private static KeyPair other;

	private final AtomicInteger rsaChecks = new AtomicInteger();

	private final VerifiedSignatures signatures = new VerifiedSignatures(new DefaultJWSVerifierFactory() {
		@Override
		public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
			rsaChecks.incrementAndGet();
			return super.createJWSVerifier(header, key);
		}
	}, 100, Duration.ofMinutes(1));

	@BeforeAll
	static void keys() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		signing = generator.generateKeyPair();
		other = generator.generateKeyPair();
	}

	@Test
	void aTokenCostsOneRsaCheckHoweverOftenItIsPresented() throws Exception {
		JWSObject token = signed("{\"sub\":\"P-1\"}");

		for (int i = 0; i < 5; i++) {
			assertThat(verify(token, signing.getPublic())).isTrue();
		}

		assertThat(rsaChecks).hasValue(1);
	}

	@Test
	void aRememberedSignatureVouchesForNoOtherContent() throws Exception {
		JWSObject genuine = signed("{\"sub\":\"P-1\",\"roles\":[\"PARTNER_MEMBER\"]}");
		assertThat(verify(genuine, signing.getPublic())).isTrue();

		JWSObject forged = new JWSObject(genuine.getHeader().toBase64URL(),
				Base64URL.encode("{\"sub\":\"P-1\",\"roles\":[\"OPERATOR\"]}"), genuine.getSignature());

		assertThat(verify(forged, signing.getPublic())).isFalse();
	}

	@Test
	void aRememberedSignatureCountsForNoOtherKey() throws Exception {
		JWSObject token = signed("{\"sub\":\"P-1\"}");
		assertThat(verify(token, signing.getPublic())).isTrue();

		assertThat(verify(token, other.getPublic())).isFalse();
	}

	@Test
	void aRefusedSignatureIsCheckedAgainEveryTime() throws Exception {
		JWSObject token = signed("{\"sub\":\"P-1\"}");

		assertThat(verify(token, other.getPublic())).isFalse();
		assertThat(verify(token, other.getPublic())).isFalse();

		assertThat(rsaChecks).hasValue(2);
	}

	private boolean verify(JWSObject token, Key key) throws JOSEException {
		JWSObject parsed;
		try {
			parsed = JWSObject.parse(token.serialize());
		}
		catch (java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
		return parsed.verify(signatures.createJWSVerifier(parsed.getHeader(), key));
	}

	private static JWSObject signed(String claims) throws JOSEException {
		JWSObject token = new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload(claims));
		token.sign(new RSASSASigner((RSAPrivateKey) signing.getPrivate()));
		return token;
	}
}
