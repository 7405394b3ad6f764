package jp.nop.cx.identity.signin;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import jp.nop.cx.identity.IdentityIT;
import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tokens every service relies on: what they carry, that the published JWKS verifies them,
 * and that this service refuses anything forged, altered or expired.
 */
class TokenVerificationIT extends IdentityIT {

	@Test
	void jwksIsPublicBrieflyCachedAndHoldsNoPrivateKey() {
		ApiClient.Response jwks = api().get("/api/v1/auth/jwks");

		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.header("Cache-Control")).contains("max-age=60");
		var key = jwks.json().path("keys").get(0);
		assertThat(key.path("kty").asString()).isEqualTo("RSA");
		assertThat(key.path("alg").asString()).isEqualTo("RS256");
		assertThat(key.path("use").asString()).isEqualTo("sig");
		assertThat(key.path("kid").asString()).isNotBlank();
		assertThat(key.has("d")).isFalse();
		assertThat(key.has("p")).isFalse();
	}

	@Test
	void partnerTokenCarriesTheClaimsAndVerifiesAgainstThePublishedKey() throws Exception {
		Account admin = activeAdmin();
		SignedJWT jwt = SignedJWT.parse(admin.accessToken());

		JWKSet published = JWKSet.parse(api().get("/api/v1/auth/jwks").raw());
		RSAKey key = (RSAKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key).isNotNull();
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();

		var claims = jwt.getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo(admin.loginId());
		assertThat(claims.getStringClaim("partner_id")).isEqualTo(admin.partnerId());
		assertThat(claims.getStringListClaim("roles")).containsExactly("PARTNER_ADMIN");
		assertThat(claims.getIssuer()).isEqualTo("cx-identity");
		assertThat(claims.getJWTID()).isNotBlank();
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(15));
		// The claim is a JSON array, as the gateway and the services read it.
		String payload = new String(Base64.getUrlDecoder().decode(admin.accessToken().split("\\.")[1]));
		assertThat(payload).contains("\"roles\":[\"PARTNER_ADMIN\"]");
	}

	@Test
	void operatorTokenHasNoPartner() throws Exception {
		var claims = SignedJWT.parse(operatorToken()).getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo(OPERATOR_LOGIN);
		assertThat(claims.getStringListClaim("roles")).containsExactly("OPERATOR");
		assertThat(claims.getClaims()).doesNotContainKey("partner_id");
	}

	@Test
	void unsignedForeignExpiredAndTamperedTokensAreRefused() {
		Account admin = activeAdmin();
		String token = admin.accessToken();
		String[] parts = token.split("\\.");
		String otherPartner = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]))
				.replace(admin.partnerId(), "p-someone-else")
				.getBytes());
		char last = parts[2].charAt(10);
		String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A')
				+ parts[2].substring(11);

		for (String forged : List.of(TestTokens.unsigned(admin.partnerId()),
				TestTokens.signedWithForeignKey(admin.partnerId()), TestTokens.expired(admin.partnerId()),
				TestTokens.partnerAdmin(admin.partnerId(), admin.loginId()), parts[0] + "." + otherPartner + "." + parts[2],
				badSignature, parts[0] + "." + parts[1] + ".", "not-a-jwt")) {
			ApiClient.Response refused = as(forged).get("/api/v1/identity/me");
			assertThat(refused.status()).as(forged).isEqualTo(401);
			assertThat(refused.text("type")).isEqualTo("https://cx.nop.jp/problems/unauthenticated");
		}
		assertThat(as(token).get("/api/v1/identity/me").status()).isEqualTo(200);
		assertThat(api().get("/api/v1/identity/me").status()).isEqualTo(401);
	}

	@Test
	void aRealTokenExpiresAfterFifteenMinutes() {
		Account admin = activeAdmin();
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(61));
		assertThat(as(admin.accessToken()).get("/api/v1/identity/me").status()).isEqualTo(401);
	}
}
