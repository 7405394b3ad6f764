package jp.nop.cx.test.tenancy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;

import jp.nop.cx.test.ApiClient;
import jp.nop.cx.test.TestTokens;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC section 2 as one test every service runs: another partner's token finds nothing of a
 * partner's and changes nothing of it, a partner token does nothing only NOP may do, and without
 * a valid token nothing is answered. Each service checks this itself, whatever the gateway does.
 * <p>
 * A service's {@code TenantIsolationIT} implements this interface, keeps extending its module's
 * IT base class (so every IT shares one Spring context) and lists every partner-scoped and every
 * operator endpoint of the service. Each test calls every endpoint with every token that must not
 * get through, collects every failure and names the endpoint and token of each, so one run shows
 * all that leaked. The victim's data is compared with {@link #victimSnapshot} after every call,
 * so a change is pinned to the call that made it.
 * <p>
 * Tokens come from {@link TestTokens} unless a service overrides {@link #partnerCallers}.
 */
public interface TenantIsolationContract {

	/** An anonymous client of the service under test. */
	ApiClient api();

	/**
	 * Creates a partner with data in this service (what the endpoints below must not reveal or
	 * change) and returns its partner ID. Called at the start of every test of the contract.
	 */
	String victimWithData();

	/**
	 * Every endpoint a partner token may reach, with the victim's IDs in path and body: those that
	 * name the victim's data must refuse another partner (403 or 404); those that serve the
	 * caller's own partner are marked {@link Endpoint#answeringTheCaller()}.
	 */
	List<Endpoint> partnerScopedEndpoints(String victim);

	/** Every endpoint only an operator may call, aimed at the victim's data where it takes an ID. */
	List<Endpoint> operatorEndpoints(String victim);

	/**
	 * The victim's data as stored, compared with {@code equals} before and after the calls. Leave
	 * out what changes on its own (the outbox the relay empties, the relay's lease).
	 */
	Object victimSnapshot(String victim);

	/**
	 * Another partner than {@code victim}, the intruder. Default: a partner ID no test uses, which
	 * has no data here; override where a token must belong to a partner the service knows.
	 */
	default String anotherPartner(String victim) {
		return "p-intruder-" + UUID.randomUUID();
	}

	/** An administrator's and a member's token of {@code partnerId}. */
	default List<Caller> partnerCallers(String partnerId) {
		return List.of(new Caller("PARTNER_ADMIN of " + partnerId, TestTokens.partnerAdmin(partnerId)),
				new Caller("PARTNER_MEMBER of " + partnerId, TestTokens.partnerMember(partnerId)));
	}

	/**
	 * What an answer to another partner must not contain: the victim's partner ID by default (it
	 * is also part of the test tokens' login IDs); add the victim's own IDs, names or secrets.
	 */
	default List<String> victimMarkers(String victim) {
		return List.of(victim);
	}

	@Test
	default void anotherPartnersTokenOnEveryPartnerScopedEndpointFindsNothingAndChangesNothing() {
		String victim = victimWithData();
		String intruder = anotherPartner(victim);
		assertThat(intruder).as("the intruder").isNotEqualTo(victim).doesNotContain(victim);
		List<Caller> intruders = partnerCallers(intruder);
		List<Endpoint> endpoints = required(partnerScopedEndpoints(victim), "partnerScopedEndpoints");
		List<String> markers = victimMarkers(victim);

		SoftAssertions softly = new SoftAssertions();
		Object snapshot = victimSnapshot(victim);
		for (Endpoint endpoint : endpoints) {
			for (Caller caller : intruders) {
				ApiClient.Response response = call(caller, endpoint);
				String call = endpoint + " as " + caller;
				if (endpoint.answersTheCaller()) {
					// The intruder's token is valid: a 401 would mean something else went wrong.
					if (status(softly, call, response, (status) -> status < 500 && status != 401,
							"an answer to the caller (below 500, not 401)")) {
						for (String marker : markers) {
							softly.assertThat(response.raw())
								.as("%s shows the victim's %s: %s", call, marker, shown(response))
								.doesNotContain(marker);
						}
						if (response.status() >= 400) {
							assertProblem(softly, call, response, null);
						}
					}
				}
				else if (status(softly, call, response, endpoint.refusals()::contains, endpoint.refusals())) {
					// An unknown path answers 404 too, which would prove nothing about the tenant check.
					softly.assertThat(response.text("type"))
						.as("%s: no such path in this service, fix the list", call)
						.doesNotEndWith("/no-such-path");
					assertProblem(softly, call, response, null);
				}
				snapshot = assertUnchanged(softly, victim, snapshot, call);
			}
		}
		softly.assertAll();
	}

	@Test
	default void aPartnerTokenOnEveryOperatorEndpointIs403AndChangesNothing() {
		String victim = victimWithData();
		List<Caller> partners = new ArrayList<>(partnerCallers(anotherPartner(victim)));
		// The victim's own tokens too: an operator endpoint is not a partner's, not even for its own data.
		partners.addAll(partnerCallers(victim));
		List<Endpoint> endpoints = required(operatorEndpoints(victim), "operatorEndpoints");

		assertEveryCallRefused(victim, endpoints, partners, " as ", 403, "forbidden");
	}

	@Test
	default void withoutAValidTokenEveryProtectedEndpointIs401() {
		String victim = victimWithData();
		List<Caller> strangers = List.of(new Caller("no token", null),
				new Caller("an expired token of " + victim, TestTokens.expired(victim)),
				new Caller("a token of " + victim + " signed with a foreign key", TestTokens.signedWithForeignKey(victim)),
				new Caller("an unsigned token of " + victim, TestTokens.unsigned(victim)));
		List<Endpoint> endpoints = new ArrayList<>(required(partnerScopedEndpoints(victim), "partnerScopedEndpoints"));
		endpoints.addAll(required(operatorEndpoints(victim), "operatorEndpoints"));

		assertEveryCallRefused(victim, endpoints, strangers, " with ", 401, "unauthenticated");
	}

	/**
	 * Every endpoint called by every caller answers {@code status} with a problem of type
	 * {@code code} and leaves the victim's data as it was.
	 */
	private void assertEveryCallRefused(String victim, List<Endpoint> endpoints, List<Caller> callers, String by,
			int status, String code) {
		SoftAssertions softly = new SoftAssertions();
		Object snapshot = victimSnapshot(victim);
		for (Endpoint endpoint : endpoints) {
			for (Caller caller : callers) {
				ApiClient.Response response = call(caller, endpoint);
				String call = endpoint + by + caller;
				if (status(softly, call, response, (answered) -> answered == status, status)) {
					assertProblem(softly, call, response, code);
				}
				snapshot = assertUnchanged(softly, victim, snapshot, call);
			}
		}
		softly.assertAll();
	}

	/** Who calls: a name for the failure message and a bearer token ({@code null}: none). */
	record Caller(String name, String token) {

		@Override
		public String toString() {
			return this.name;
		}
	}

	private ApiClient.Response call(Caller caller, Endpoint endpoint) {
		ApiClient client = (caller.token() != null) ? api().as(caller.token()) : api().anonymous();
		return client.send(endpoint.method(), endpoint.path(), endpoint.body());
	}

	/** Compares with the snapshot before the call and returns the one after it. */
	private Object assertUnchanged(SoftAssertions softly, String victim, Object before, String call) {
		Object after = victimSnapshot(victim);
		softly.assertThat(after).as("the victim's data after %s", call).isEqualTo(before);
		return after;
	}

	/** Records a failure unless the status is as expected, and tells whether it was. */
	private static boolean status(SoftAssertions softly, String call, ApiClient.Response response,
			IntPredicate expected, Object expectation) {
		if (expected.test(response.status())) {
			return true;
		}
		softly.fail("%s: expected %s, but answered %s", call, expectation, shown(response));
		return false;
	}

	/** An error answer is a problem document, of type {@code code} unless that is {@code null}. */
	private static void assertProblem(SoftAssertions softly, String call, ApiClient.Response response, String code) {
		softly.assertThat(response.header("Content-Type"))
			.as("%s: content type of %s", call, shown(response))
			.startsWith("application/problem+json");
		if (code != null) {
			softly.assertThat(response.text("type")).as("%s: problem type", call).endsWith("/" + code);
		}
	}

	private static List<Endpoint> required(List<Endpoint> endpoints, String list) {
		// An empty list would pass every test and prove nothing.
		assertThat(endpoints).as("%s: list every such endpoint of the service", list).isNotEmpty();
		Set<String> calls = new HashSet<>();
		for (Endpoint endpoint : endpoints) {
			assertThat(calls.add(endpoint.method() + " " + endpoint.path() + " " + endpoint.body()))
				.as("%s lists %s twice", list, endpoint)
				.isTrue();
		}
		return endpoints;
	}

	/** A response as a failure message shows it: long bodies cut short. */
	private static String shown(ApiClient.Response response) {
		String text = response.toString();
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}
}
