package jp.nop.cx.test.tenancy;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One call of the {@link TenantIsolationContract}: method, path with the victim's IDs filled in,
 * JSON body, a short description for the failure message, and what a token of another partner
 * may get back from it.
 *
 * @param refusals the statuses that count as a refusal of another partner's token: 403 and 404
 * unless {@link #orUnprocessable()} adds 422
 * @param answersTheCaller whether the endpoint answers about the caller's own partner (a
 * {@code /me} endpoint) instead of refusing: see {@link #answeringTheCaller()}
 */
public record Endpoint(String method, String path, Object body, String description, Set<Integer> refusals,
		boolean answersTheCaller) {

	private static final Set<Integer> FORBIDDEN_OR_NOT_FOUND = Set.of(403, 404);

	public Endpoint {
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(description, "description");
		// Sorted, so a failure message lists the statuses in a stable order.
		refusals = new TreeSet<>(refusals);
	}

	public static Endpoint get(String path, String description) {
		return of("GET", path, null, description);
	}

	public static Endpoint delete(String path, String description) {
		return of("DELETE", path, null, description);
	}

	/** {@code body}: as {@link jp.nop.cx.test.ApiClient#send} takes it (a JSON string or an object). */
	public static Endpoint post(String path, Object body, String description) {
		return of("POST", path, body, description);
	}

	public static Endpoint put(String path, Object body, String description) {
		return of("PUT", path, body, description);
	}

	public static Endpoint patch(String path, Object body, String description) {
		return of("PATCH", path, body, description);
	}

	private static Endpoint of(String method, String path, Object body, String description) {
		return new Endpoint(method, path, body, description, FORBIDDEN_OR_NOT_FOUND, false);
	}

	/**
	 * 422 counts as a refusal too, for an endpoint that validates the body before it checks the
	 * tenant. Prefer a body that passes validation, so the tenant check is what refuses.
	 */
	public Endpoint orUnprocessable() {
		Set<Integer> statuses = new TreeSet<>(this.refusals);
		statuses.add(422);
		return new Endpoint(this.method, this.path, this.body, this.description, statuses, this.answersTheCaller);
	}

	/**
	 * The endpoint serves the caller's own partner ({@code /me}) and has no way to name another:
	 * another partner's token may be answered, about its own partner, but the answer must show
	 * nothing of the victim's and change nothing of it. Any status below 500 but 401 is allowed (the
	 * token is valid); an error is still a problem document.
	 */
	public Endpoint answeringTheCaller() {
		return new Endpoint(this.method, this.path, this.body, this.description, this.refusals, true);
	}

	@Override
	public String toString() {
		return this.method + " " + this.path + " (" + this.description + ")";
	}
}
