package jp.nop.cx.notification.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.nop.cx.notification.webhook.HostResolver;

/** DNS as a test says: names it maps answer its addresses; anything else goes to the system resolver. */
public final class ProgrammableResolver implements HostResolver {

	private final Map<String, String> names = new ConcurrentHashMap<>();

	/** Makes {@code host} resolve to the literal {@code address} from now on. */
	public void point(String host, String address) {
		this.names.put(host, address);
	}

	public void clear() {
		this.names.clear();
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		String address = this.names.get(host);
		return InetAddress.getAllByName((address != null) ? address : host);
	}
}
