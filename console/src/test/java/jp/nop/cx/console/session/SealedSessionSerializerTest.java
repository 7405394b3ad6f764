package jp.nop.cx.console.session;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SealedSessionSerializerTest {

	private final String key = newKey();

	private final SealedSessionSerializer serializer = serializer(this.key);

	@Test
	void aSessionValueRestsSealedAndReadsBackWhole() {
		ConsoleSession session = new ConsoleSession();
		session.signedIn("admin-1", "P-1", List.of("PARTNER_ADMIN"), "access-token-in-clear", "refresh-token-in-clear",
				java.time.Instant.parse("2026-12-02T03:00:00Z"));

		byte[] sealed = this.serializer.serialize(session);

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("access-token-in-clear")
			.doesNotContain(ConsoleSession.class.getName());
		ConsoleSession read = (ConsoleSession) this.serializer.deserialize(sealed);
		assertThat(read.getAccessToken()).isEqualTo("access-token-in-clear");
		assertThat(read.getRefreshToken()).isEqualTo("refresh-token-in-clear");
		assertThat(read.getRoles()).containsExactly("PARTNER_ADMIN");
	}

	@Test
	void theSameValueSealsDifferentlyEachTime() {
		assertThat(this.serializer.serialize("same")).isNotEqualTo(this.serializer.serialize("same"));
	}

	@Test
	void anotherKeyOrAnAlteredValueReadsAsUnreadable() {
		byte[] sealed = this.serializer.serialize("secret");

		assertThat(serializer(newKey()).deserialize(sealed)).isSameAs(SealedSessionSerializer.UNREADABLE);
		sealed[sealed.length - 1] ^= 1;
		assertThat(this.serializer.deserialize(sealed)).isSameAs(SealedSessionSerializer.UNREADABLE);
		assertThat(this.serializer.deserialize(new byte[] { 1, 2, 3 })).isSameAs(SealedSessionSerializer.UNREADABLE);
	}

	@Test
	void aRemovedAttributeIsWrittenAsNothingAndReadsAsNull() {
		assertThat(this.serializer.serialize(null)).isEmpty();
		assertThat(this.serializer.deserialize(new byte[0])).isNull();
	}

	@Test
	void aMissingOrMalformedKeyIsNamedAtStart() {
		assertThatIllegalStateException().isThrownBy(() -> SealedSessionSerializer.key("", "CX_CONSOLE_SESSION_KEY"))
			.withMessageContaining("CX_CONSOLE_SESSION_KEY is not set");
		assertThatIllegalStateException().isThrownBy(() -> SealedSessionSerializer.key("c2hvcnQ=", "CX_CONSOLE_SESSION_KEY"))
			.withMessageContaining("32 bytes");
		assertThatIllegalStateException().isThrownBy(() -> SealedSessionSerializer.key("not base64!", "CX_CONSOLE_SESSION_KEY"))
			.withMessageContaining("base64");
	}

	private static SealedSessionSerializer serializer(String key) {
		return new SealedSessionSerializer(SealedSessionSerializer.key(key, "CX_CONSOLE_SESSION_KEY"),
				SealedSessionSerializerTest.class.getClassLoader());
	}

	private static String newKey() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
