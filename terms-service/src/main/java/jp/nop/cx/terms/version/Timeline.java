package jp.nop.cx.terms.version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The published versions of one document (the terms, or the supplementary terms of one scope)
 * in the order they take effect, and the rule that decides which one is in force.
 */
public final class Timeline {

	/** By effective time; versions effective at the same instant by publication order. */
	static final Comparator<VersionSummary> TAKING_EFFECT = Comparator.comparing(VersionSummary::effectiveFrom)
		.thenComparingLong(VersionSummary::sequence);

	private final List<VersionSummary> ordered;

	private Timeline(List<VersionSummary> ordered) {
		this.ordered = ordered;
	}

	public static Timeline of(Collection<VersionSummary> versions) {
		return new Timeline(versions.stream().sorted(TAKING_EFFECT).toList());
	}

	/**
	 * Art. 16.1, 16.3: the version in force at {@code at} is the latest to have taken effect: the
	 * last whose effectiveFrom is not after {@code at} (a version is in force from its very
	 * effectiveFrom), and of those taking effect at the same instant the last published.
	 */
	public Optional<VersionSummary> inForceAt(Instant at) {
		VersionSummary inForce = null;
		for (VersionSummary version : this.ordered) {
			if (version.effectiveFrom().isAfter(at)) {
				break;
			}
			inForce = version;
		}
		return Optional.ofNullable(inForce);
	}

	public VersionStatus statusAt(VersionSummary version, Instant at) {
		if (version.effectiveFrom().isAfter(at)) {
			return VersionStatus.SCHEDULED;
		}
		return inForceAt(at).filter((v) -> v.id().equals(version.id())).isPresent() ? VersionStatus.CURRENT
				: VersionStatus.SUPERSEDED;
	}

	/** Published versions not yet in force at {@code at}, the soonest first. */
	public List<VersionSummary> scheduledAt(Instant at) {
		return this.ordered.stream().filter((v) -> v.effectiveFrom().isAfter(at)).toList();
	}

	public Optional<VersionSummary> find(String version) {
		return this.ordered.stream().filter((v) -> v.version().equals(version)).findFirst();
	}

	/** The version that takes effect just before {@code version}: what a diff compares it with by default. */
	public Optional<VersionSummary> predecessorOf(String version) {
		VersionSummary previous = null;
		for (VersionSummary candidate : this.ordered) {
			if (candidate.version().equals(version)) {
				return Optional.ofNullable(previous);
			}
			previous = candidate;
		}
		return Optional.empty();
	}

	/** Every version, the last to take effect first. */
	public List<VersionSummary> newestFirst() {
		List<VersionSummary> newest = new ArrayList<>(this.ordered);
		Collections.reverse(newest);
		return newest;
	}

	public boolean isEmpty() {
		return this.ordered.isEmpty();
	}
}
