package jp.nop.cx.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name (or literal address) to addresses: the system DNS, or a stand-in in tests. */
@FunctionalInterface
public interface HostResolver {

	InetAddress[] resolve(String host) throws UnknownHostException;

	static HostResolver system() {
		return InetAddress::getAllByName;
	}
}
