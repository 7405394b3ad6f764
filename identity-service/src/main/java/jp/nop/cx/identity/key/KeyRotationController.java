package jp.nop.cx.identity.key;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's view of the signing keys and the manual rotation (e.g. after a suspected leak). */
@RestController
class KeyRotationController {

	private final KeyRing keys;

	KeyRotationController(KeyRing keys) {
		this.keys = keys;
	}

	@Operation(summary = "Signing keys and their state / 署名鍵の一覧")
	@GetMapping("/api/v1/identity/keys")
	KeysView keys() {
		return KeysView.of(this.keys.publishedKeyInfo());
	}

	@Operation(summary = "Rotate the signing key / 署名鍵を更新する")
	@PostMapping("/api/v1/identity/keys/rotation")
	KeysView rotate() {
		this.keys.rotate();
		return KeysView.of(this.keys.publishedKeyInfo());
	}

	/** The published keys, the first of which signs; never any key material beyond the kid. */
	record KeysView(String activeKeyId, List<KeyView> published) {

		static KeysView of(List<SigningKey> published) {
			return new KeysView(published.get(0).keyId(),
					published.stream().map((k) -> new KeyView(k.keyId(), k.generation(), k.createdAt())).toList());
		}
	}

	record KeyView(String keyId, long generation, Instant createdAt) {
	}
}
