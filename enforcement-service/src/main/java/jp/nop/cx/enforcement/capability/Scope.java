package jp.nop.cx.enforcement.capability;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.nop.cx.events.Capability;

/**
 * What a suspension (Art. 7.2(2): "the whole or a part of the service") or a service-status event
 * (Art. 8, 9, 10, 11.3) covers: all of the service, or the named capabilities of the gateway.
 * Always exactly one of the two.
 */
public record Scope(boolean all, List<Capability> capabilities) {

	public Scope {
		capabilities = (capabilities != null)
				? capabilities.stream().distinct().sorted(Comparator.naturalOrder()).toList() : List.of();
		if (all == !capabilities.isEmpty()) {
			throw new IllegalArgumentException("A scope is either all or named capabilities: " + capabilities);
		}
	}

	public static Scope wholeService() {
		return new Scope(true, List.of());
	}

	public static Scope of(Collection<Capability> capabilities) {
		return new Scope(false, List.copyOf(capabilities));
	}

	/** Whether a request for {@code capability} falls within this scope. */
	public boolean covers(Capability capability) {
		return this.all || this.capabilities.contains(capability);
	}

	/** The capabilities by the names the gateway and the SPEC use ({@code registration}, {@code export} ...). */
	public List<String> capabilityNames() {
		return this.capabilities.stream().map(Scope::nameOf).toList();
	}

	public static String nameOf(Capability capability) {
		return capability.name().toLowerCase(Locale.ROOT);
	}

	/** The capability called {@code name} (case does not matter), if there is one. */
	public static Optional<Capability> capabilityNamed(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String wanted = name.trim().toUpperCase(Locale.ROOT);
		for (Capability capability : Capability.values()) {
			if (capability.name().equals(wanted)) {
				return Optional.of(capability);
			}
		}
		return Optional.empty();
	}
}
