package jp.nop.cx.notification.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GuardedDnsResolverTest {

	@Test
	void theHttpClientConnectsOnlyToAddressesTheGuardAllowsAtConnectionTime() throws UnknownHostException {
		String[] answer = { "203.0.113.10" };
		WebhookTargetGuard guard = new WebhookTargetGuard((host) -> InetAddress.getAllByName(answer[0]), false,
				List.of("127.0.0.1:9000"), 2048);
		GuardedDnsResolver resolver = new GuardedDnsResolver(guard);

		assertThat(resolver.resolve("hooks.partner.example", 443))
			.containsExactly(new InetSocketAddress(InetAddress.getByName("203.0.113.10"), 443));

		answer[0] = "169.254.169.254";
		assertThatExceptionOfType(GuardedDnsResolver.RefusedAddressException.class)
			.isThrownBy(() -> resolver.resolve("hooks.partner.example", 443));

		answer[0] = "127.0.0.1";
		assertThat(resolver.resolve("receiver.internal", 9000)).hasSize(1);
		assertThatExceptionOfType(GuardedDnsResolver.RefusedAddressException.class)
			.isThrownBy(() -> resolver.resolve("receiver.internal", 9001));
		assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> resolver.resolve("receiver.internal"));
	}
}
