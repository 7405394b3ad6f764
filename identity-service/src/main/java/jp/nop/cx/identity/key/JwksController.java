package jp.nop.cx.identity.key;

import java.time.Duration;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys every service verifies access tokens with. Cached briefly by clients, so a
 * rotation reaches them quickly; a token with a new {@code kid} also makes them fetch again.
 */
@RestController
class JwksController {

	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

	private final KeyRing keys;

	JwksController(KeyRing keys) {
		this.keys = keys;
	}

	@Operation(summary = "Public keys that sign access tokens (JWKS) / トークン検証用の公開鍵")
	@GetMapping(path = "/api/v1/auth/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> jwks() {
		// toJSONObject() without private parts: only public key members are ever written.
		return ResponseEntity.ok().cacheControl(CACHE).body(this.keys.publishedKeys().toJSONObject(true));
	}
}
