package jp.nop.cx.terms.version;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.nop.cx.events.Capability;
import jp.nop.cx.platform.rules.RuleViolation;

/**
 * What supplementary terms apply to (Art. 1.2): one of the gateway's capabilities, written in
 * lower case ({@code webhooks}, {@code export} ...).
 */
public record SupplementScope(String name) {

	public SupplementScope {
		if (lookup(name).isEmpty()) {
			throw unknown();
		}
		name = name.toLowerCase(Locale.ROOT);
	}

	/** The scope named by a request; an unknown name breaks the rule {@code unknown-scope}. */
	public static SupplementScope parse(String name) {
		return new SupplementScope(name);
	}

	/** The scope of a capability reported by the gateway, if it is one (any letter case). */
	public static Optional<SupplementScope> ofCapability(String capability) {
		return lookup(capability).map((c) -> new SupplementScope(c.name()));
	}

	public static List<String> names() {
		return Arrays.stream(Capability.values()).map((c) -> c.name().toLowerCase(Locale.ROOT)).toList();
	}

	private static Optional<Capability> lookup(String name) {
		if (name == null) {
			return Optional.empty();
		}
		return Arrays.stream(Capability.values()).filter((c) -> c.name().equalsIgnoreCase(name.trim())).findFirst();
	}

	private static RuleViolation unknown() {
		return RuleViolation.invalid("scope", "unknown-scope").with("allowedScopes", names());
	}

	@Override
	public String toString() {
		return this.name;
	}
}
