package jp.nop.cx.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks, before anything starts, that every port the local stack will listen on is free. A port is
 * taken when a listening socket on the wildcard address cannot be bound (Linux refuses that while any
 * address holds the port in LISTEN; TIME_WAIT leftovers of a previous run do not count).
 */
public final class PortCheck {

	private PortCheck() {
	}

	/** A port and the component that will listen on it. */
	public record PortUse(int port, String component) {
	}

	/** Every port {@code ./cx up} uses, in the order they are reported. */
	public static List<PortUse> stackPorts() {
		return stackPorts(Layout.SERVICES);
	}

	/** The same, for these service instances ({@code --scale}). */
	public static List<PortUse> stackPorts(List<Layout.ServiceSpec> services) {
		List<PortUse> ports = new ArrayList<>(infraPorts());
		for (Layout.ServiceSpec service : services) {
			ports.add(new PortUse(service.port(), service.instanceName()));
		}
		for (Layout.ServiceSpec service : Layout.SERVICES) {
			ports.add(new PortUse(service.managementPort(), service.name() + " management"));
		}
		return ports;
	}

	/** The ports of the in-process infrastructure (broker, store, mail catcher). */
	public static List<PortUse> infraPorts() {
		return List.of(new PortUse(9092, "Kafka broker"), new PortUse(9093, "Kafka controller"),
				new PortUse(27017, "MongoDB-wire store"), new PortUse(1025, "SMTP catcher"),
				new PortUse(8025, "mail web/API"));
	}

	/** The first port of {@code uses} that is already in use, if any. */
	public static Optional<PortUse> firstBusy(List<PortUse> uses) {
		for (PortUse use : uses) {
			if (!isFree(use.port())) {
				return Optional.of(use);
			}
		}
		return Optional.empty();
	}

	public static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The one line shown when {@code use} is taken. */
	public static String message(PortUse use) {
		return "cx: port " + use.port() + " (" + use.component()
				+ ") is already in use; stop whatever holds it and run ./cx up again";
	}

}
