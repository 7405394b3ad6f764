package jp.nop.cx.gateway.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jp.nop.cx.events.AuditRecorded;

/**
 * The action of an audit entry: the method and the route template of the path, with the IDs the
 * path names taken out as targets ({@code POST /api/v1/enforcement/cases/c-1/measures} is
 * {@code POST /api/v1/enforcement/cases/{caseId}/measures} with target {@code caseId = c-1}).
 * <p>
 * The gateway's routes are prefixes ({@code /api/v1/enforcement/**}), not templates, so the template
 * is worked out from the path: a segment is one of the API's fixed words ({@link #WORDS}) or else an
 * ID, named after the collection before it in the singular ({@code cases} → {@code caseId}). No
 * route list to keep in step with five services: a new endpoint is recorded correctly as long as its
 * fixed words are here, and one whose word is missing is still recorded in full (the word shows as
 * a target), which the test of this class catches for every endpoint of SPEC section 3.
 */
record ActionTemplate(String action, List<AuditRecorded.Target> targets) {

	/** Every fixed path segment of the public API (SPEC section 3). */
	static final Set<String> WORDS = Set.of("api", "v1", "registrations", "approval", "rejection", "partners", "me",
			"termination", "transfers", "consent", "refusal", "export", "auth", "token", "mfa", "refresh", "activation",
			"jwks", "identity", "members", "incidents", "credentials", "reissue", "password", "confirmation", "keys",
			"rotation", "unlock", "terms", "versions", "diff", "current", "effective", "supplements", "acceptances",
			"compliance", "enforcement", "cases", "measures", "damage-claims", "resolution", "evidence", "proposals",
			"agreement", "standing", "service-status", "events", "end", "notifications", "read", "webhook", "secret",
			"deliveries", "audit", "verification");

	static ActionTemplate of(String method, String path) {
		StringBuilder template = new StringBuilder();
		List<AuditRecorded.Target> targets = new ArrayList<>();
		String previous = null;
		for (String segment : path.split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			template.append('/');
			if (WORDS.contains(segment)) {
				template.append(segment);
				previous = segment;
			}
			else {
				String name = variableName(previous);
				template.append('{').append(name).append('}');
				targets.add(new AuditRecorded.Target(name, segment));
				previous = null;
			}
		}
		return new ActionTemplate(method + " " + ((template.length() > 0) ? template : "/"), List.copyOf(targets));
	}

	/** {@code cases} → {@code caseId}, {@code damage-claims} → {@code damageClaimId}, {@code deliveries} → {@code deliveryId}. */
	private static String variableName(String collection) {
		if (collection == null) {
			return "id";
		}
		String singular = collection.endsWith("ies") ? collection.substring(0, collection.length() - 3) + "y"
				: collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
		StringBuilder name = new StringBuilder();
		boolean upper = false;
		for (char c : singular.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name + "Id";
	}
}
