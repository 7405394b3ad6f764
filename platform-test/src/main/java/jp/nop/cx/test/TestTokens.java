package jp.nop.cx.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Signs test tokens shaped like identity-service's, and serves their public key as a JWKS over
 * real HTTP, so services verify them exactly as in production.
 */
public final class TestTokens {

	private static final RSAKey KEY = generate("test-key");

	/** Same key ID as the trusted key, different key: a forged signature. */
	private static final RSAKey FOREIGN_KEY = generate("test-key");

	/** The key a rotation brings in; published only once {@link #rotate()} was called. */
	private static final RSAKey NEXT_KEY = generate("test-key-2");

	private static volatile boolean rotated;

	private static volatile String jwksUri;

	private TestTokens() {
	}

	public static synchronized String jwksUri() {
		if (jwksUri == null) {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				server.createContext("/jwks", (exchange) -> {
					JWKSet keys = rotated ? new JWKSet(List.of(KEY.toPublicJWK(), NEXT_KEY.toPublicJWK()))
							: new JWKSet(KEY.toPublicJWK());
					byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
					exchange.getResponseHeaders().add("Content-Type", "application/json");
					exchange.sendResponseHeaders(200, body.length);
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(body);
					}
				});
				server.setExecutor(null);
				server.start();
				jwksUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return jwksUri;
	}

	/**
	 * A key rotation as identity-service does it: the JWKS publishes the new key beside the old
	 * one from now on (for the rest of the test JVM); tokens of both keys are valid.
	 */
	public static void rotate() {
		rotated = true;
	}

	/** A partner admin's token signed with the key {@link #rotate()} brings in. */
	public static String partnerAdminSignedWithNextKey(String partnerId) {
		return sign(NEXT_KEY, claims("admin-" + partnerId, partnerId, List.of("PARTNER_ADMIN"), Instant.now(),
				Duration.ofMinutes(15)));
	}

	public static String operator() {
		return token("operator", null, List.of("OPERATOR"), Duration.ofMinutes(15));
	}

	public static String partnerAdmin(String partnerId) {
		return token("admin-" + partnerId, partnerId, List.of("PARTNER_ADMIN"), Duration.ofMinutes(15));
	}

	public static String partnerAdmin(String partnerId, String loginId) {
		return token(loginId, partnerId, List.of("PARTNER_ADMIN"), Duration.ofMinutes(15));
	}

	public static String partnerMember(String partnerId) {
		return token("member-" + partnerId, partnerId, List.of("PARTNER_MEMBER"), Duration.ofMinutes(15));
	}

	public static String expired(String partnerId) {
		return sign(KEY, claims("admin-" + partnerId, partnerId, List.of("PARTNER_ADMIN"),
				Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(15)));
	}

	/** Well-formed and signed, but not with the key the services trust. */
	public static String signedWithForeignKey(String partnerId) {
		return sign(FOREIGN_KEY, claims("admin-" + partnerId, partnerId, List.of("PARTNER_ADMIN"), Instant.now(),
				Duration.ofMinutes(15)));
	}

	/** An unsigned token ({@code alg: none}). */
	public static String unsigned(String partnerId) {
		return new PlainJWT(claims("admin-" + partnerId, partnerId, List.of("PARTNER_ADMIN"), Instant.now(),
				Duration.ofMinutes(15)))
			.serialize();
	}

	public static String token(String subject, String partnerId, List<String> roles, Duration ttl) {
		return sign(KEY, claims(subject, partnerId, roles, Instant.now(), ttl));
	}

	/**
	 * A partner admin's token issued at {@code issuedAt} for credential generation
	 * {@code generation} ({@code cred_gen}, Art. 4.3); tokens of the other methods carry none,
	 * which counts as generation 0.
	 */
	public static String partnerAdminOfGeneration(String partnerId, String loginId, long generation,
			Instant issuedAt) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder(
				claims(loginId, partnerId, List.of("PARTNER_ADMIN"), issuedAt, Duration.ofMinutes(15)))
			.claim("cred_gen", generation)
			.build();
		return sign(KEY, claims);
	}

	/**
	 * A token restricted to enrolling a second factor ({@code restricted_to: mfa-enrolment}, ADR
	 * 0018). identity-service issues such tokens with no role; this one keeps a partner admin's
	 * role and partner, so a refusal is the restriction's and not the role check's.
	 */
	public static String enrolmentOnly(String partnerId) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder(
				claims("admin-" + partnerId, partnerId, List.of("PARTNER_ADMIN"), Instant.now(), Duration.ofMinutes(15)))
			.claim("restricted_to", "mfa-enrolment")
			.build();
		return sign(KEY, claims);
	}

	/** Signed with the trusted key, but naming another issuer than identity-service. */
	public static String fromIssuer(String issuer, String partnerId) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder(
				claims("admin-" + partnerId, partnerId, List.of("PARTNER_ADMIN"), Instant.now(), Duration.ofMinutes(15)))
			.issuer(issuer)
			.build();
		return sign(KEY, claims);
	}

	private static JWTClaimsSet claims(String subject, String partnerId, List<String> roles, Instant issuedAt,
			Duration ttl) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer("cx-identity")
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(issuedAt.plus(ttl)))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", roles);
		if (partnerId != null) {
			claims.claim("partner_id", partnerId);
		}
		return claims.build();
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generate(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
