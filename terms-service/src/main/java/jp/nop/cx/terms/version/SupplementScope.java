package jp.nop.cx.terms.version;

import java.util.List;
import java.util.Optional;

import jp.nop.cx.events.Capability;
import jp.nop.cx.platform.rules.RuleViolation;

/**
 * What supplementary terms apply to (Art. 1.2): one of the gateway's capabilities, written in
 * lower case ({@code webhooks}, {@code export} ...).
 */
public record SupplementScope(String name) {

	public SupplementScope {
		name = Capability.named(name).orElseThrow(SupplementScope::unknown).wireName();
	}

	/** The scope named by a request; an unknown name breaks the rule {@code unknown-scope}. */
	public static SupplementScope parse(String name) {
		return new SupplementScope(name);
	}

	/** The scope of a capability reported by the gateway; none when the activity named none. */
	public static Optional<SupplementScope> ofCapability(Capability capability) {
		return Optional.ofNullable(capability).map((c) -> new SupplementScope(c.wireName()));
	}

	public static List<String> names() {
		return Capability.wireNames();
	}

	private static RuleViolation unknown() {
		return RuleViolation.invalid("scope", "unknown-scope").with("allowedScopes", names());
	}

	@Override
	public String toString() {
		return this.name;
	}
}
