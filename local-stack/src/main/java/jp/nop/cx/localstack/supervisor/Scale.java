package jp.nop.cx.localstack.supervisor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.nop.cx.localstack.Layout;

/**
 * {@code ./cx up --scale notification-service=2,gateway=2} (SPEC section 6): how many instances of
 * each service run, every one on the same broker and store.
 */
public record Scale(Map<String, Integer> instances) {

	public static final int MAX_INSTANCES = 5;

	public static final Scale NONE = new Scale(Map.of());

	/** Parses {@code name=N[,name=N…]}; a wrong name or count is an error naming it. */
	public static Scale parse(String value) {
		Map<String, Integer> instances = new LinkedHashMap<>();
		for (String part : value.split(",")) {
			String item = part.trim();
			if (item.isEmpty()) {
				continue;
			}
			int eq = item.indexOf('=');
			if (eq <= 0) {
				throw new IllegalArgumentException("--scale takes <service>=N[,<service>=N…], not '" + item + "'");
			}
			String name = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
			if (Layout.SERVICES.stream().noneMatch((spec) -> spec.name().equals(name))) {
				throw new IllegalArgumentException("--scale: no service '" + name + "' (one of "
						+ String.join(", ", Layout.SERVICES.stream().map(Layout.ServiceSpec::name).toList()) + ")");
			}
			int count;
			try {
				count = Integer.parseInt(item.substring(eq + 1).trim());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--scale: '" + item + "' needs a whole number of instances");
			}
			if (count < 1 || count > MAX_INSTANCES) {
				throw new IllegalArgumentException("--scale: " + name + " between 1 and " + MAX_INSTANCES + " instances");
			}
			instances.put(name, count);
		}
		return new Scale(Map.copyOf(instances));
	}

	public int of(String service) {
		return this.instances.getOrDefault(service, 1);
	}

	/** Every instance to start, backends first, each service's instances together. */
	public List<Layout.ServiceSpec> specs() {
		List<Layout.ServiceSpec> specs = new ArrayList<>();
		for (Layout.ServiceSpec spec : Layout.SERVICES) {
			for (int n = 1; n <= of(spec.name()); n++) {
				specs.add(spec.instance(n));
			}
		}
		return specs;
	}

	/**
	 * What the gateway instances need to spread each scaled service's routes over its instances
	 * (the console's pages included): the route URI {@code lb://<service>} and the instance list of
	 * Spring Cloud's simple discovery.
	 */
	public GatewayWiring gatewayWiring() {
		Map<String, String> env = new LinkedHashMap<>();
		List<String> options = new ArrayList<>();
		for (Layout.ServiceSpec spec : Layout.SERVICES) {
			int count = of(spec.name());
			if (spec.gateway() || count == 1) {
				continue;
			}
			env.put(routeVariable(spec.name()), "lb://" + spec.name());
			for (int n = 1; n <= count; n++) {
				options.add("-Dspring.cloud.discovery.client.simple.instances." + spec.name() + "[" + (n - 1) + "].uri=http://127.0.0.1:"
						+ Layout.instancePort(spec.port(), n));
			}
		}
		return new GatewayWiring(Map.copyOf(env), List.copyOf(options));
	}

	/** The gateway's setting for a service's route URI: {@code CX_NOTIFICATION_ROUTE_URI}, the console's {@code CX_CONSOLE_URL}. */
	private static String routeVariable(String service) {
		if (!service.endsWith("-service")) {
			return "CX_" + service.toUpperCase(Locale.ROOT) + "_URL";
		}
		return "CX_" + service.substring(0, service.length() - "-service".length()).toUpperCase(Locale.ROOT) + "_ROUTE_URI";
	}

	/**
	 * Whether the instances need a Redis to share state in: several gateways their rate limits
	 * (SPEC section 5), several consoles their sessions (a person signed in on one is signed in on
	 * every one).
	 */
	public boolean needsRedis() {
		return of("gateway") > 1 || consolesShareSessions();
	}

	/** Several consoles: without a shared Redis they could not run at all (each would sign people out). */
	public boolean consolesShareSessions() {
		return of("console") > 1;
	}

	public record GatewayWiring(Map<String, String> env, List<String> jvmOptions) {
	}

	public boolean scaled() {
		return this.instances.values().stream().anyMatch((n) -> n > 1);
	}

}
