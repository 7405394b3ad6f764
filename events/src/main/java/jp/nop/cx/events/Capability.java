package jp.nop.cx.events;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The named capabilities every gateway route belongs to (SPEC section 3, gateway). On the wire, in
 * the API and in configuration a capability is written by its lower-case {@link #wireName()}
 * ({@code registration}, {@code export} …); events carry the enum, so no service converts names.
 */
public enum Capability {

	REGISTRATION("registration"), IDENTITY("identity"), TERMS("terms"), ENFORCEMENT("enforcement"),
	NOTIFICATIONS("notifications"), WEBHOOKS("webhooks"), EXPORT("export");

	private final String wireName;

	Capability(String wireName) {
		this.wireName = wireName;
	}

	/** The name SPEC, the JSON of events and the API use. */
	@JsonValue
	public String wireName() {
		return this.wireName;
	}

	/** The capability called {@code name}, whatever its letter case and surrounding blanks, if there is one. */
	public static Optional<Capability> named(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String wanted = name.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((c) -> c.wireName.equals(wanted)).findFirst();
	}

	/** Reads a wire name; an unknown one is refused rather than silently dropped. */
	@JsonCreator
	public static Capability fromWireName(String name) {
		return named(name).orElseThrow(() -> new IllegalArgumentException(
				"Unknown capability '" + name + "'; one of " + wireNames()));
	}

	/** Every wire name, in declaration order: what an error message lists as allowed. */
	public static List<String> wireNames() {
		return Arrays.stream(values()).map(Capability::wireName).toList();
	}

}
