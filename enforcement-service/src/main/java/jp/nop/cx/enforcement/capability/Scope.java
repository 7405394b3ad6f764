package jp.nop.cx.enforcement.capability;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

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

}
