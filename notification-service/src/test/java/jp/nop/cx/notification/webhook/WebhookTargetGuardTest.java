package jp.nop.cx.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import jp.nop.cx.notification.webhook.WebhookTargetGuard.AddressKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookTargetGuardTest {

	/** Names the test controls; literals resolve as themselves, without DNS. */
	private static final Map<String, String> NAMES = Map.of("hooks.partner.example", "203.0.113.10",
			"internal.partner.example", "10.1.2.3", "rebinding.example", "169.254.169.254", "localhost", "127.0.0.1");

	private final HostResolver resolver = (host) -> {
		String address = NAMES.getOrDefault(host, host);
		if (!address.matches("[0-9a-fA-F:.\\[\\]]+")) {
			throw new UnknownHostException(host);
		}
		return InetAddress.getAllByName(address);
	};

	private final WebhookTargetGuard guard = new WebhookTargetGuard(this.resolver, false, List.of(), 2048);

	@ParameterizedTest
	@CsvSource({ "127.0.0.1, LOOPBACK", "127.10.0.5, LOOPBACK", "::1, LOOPBACK", "10.0.0.1, PRIVATE",
			"172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE", "100.64.0.1, PRIVATE",
			"fc00::1, PRIVATE", "fd12:3456::1, PRIVATE", "169.254.10.10, LINK_LOCAL", "fe80::1, LINK_LOCAL",
			"169.254.169.254, METADATA", "fd00:ec2::254, METADATA", "0.0.0.0, UNSPECIFIED", ":: , UNSPECIFIED",
			"224.0.0.1, MULTICAST", "ff02::1, MULTICAST", "255.255.255.255, RESERVED", "::ffff:127.0.0.1, LOOPBACK",
			"::ffff:10.0.0.1, PRIVATE", "64:ff9b::a00:1, PRIVATE", "2002:c0a8:0101::1, PRIVATE",
			"203.0.113.10, PUBLIC", "8.8.8.8, PUBLIC", "172.32.0.1, PUBLIC", "2001:4860:4860::8888, PUBLIC" })
	void classifiesAddresses(String literal, AddressKind kind) throws Exception {
		assertThat(WebhookTargetGuard.classify(InetAddress.getByName(literal.strip()))).isEqualTo(kind);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080/hook", "http://10.0.0.1/hook", "http://[::1]/hook",
			"http://169.254.169.254/latest/meta-data/", "https://[fd00:ec2::254]/", "http://0.0.0.0/",
			"http://172.16.5.4/hook", "http://192.168.0.10/hook" })
	void refusesLiteralLoopbackPrivateLinkLocalAndMetadataAddresses(String url) {
		assertThatExceptionOfType(WebhookTargetRefusedException.class).isThrownBy(() -> this.guard.validate(url));
	}

	@Test
	void refusesNamesThatResolveToRefusedAddresses() {
		assertThatExceptionOfType(WebhookTargetRefusedException.class)
			.isThrownBy(() -> this.guard.validate("http://localhost:8080/hook"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(AddressKind.LOOPBACK));
		assertThatExceptionOfType(WebhookTargetRefusedException.class)
			.isThrownBy(() -> this.guard.validate("https://internal.partner.example/hook"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(AddressKind.PRIVATE));
		assertThatExceptionOfType(WebhookTargetRefusedException.class)
			.isThrownBy(() -> this.guard.validate("https://rebinding.example/hook"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(AddressKind.METADATA));
	}

	@Test
	void acceptsPublicTargets() {
		assertThat(this.guard.validate("https://hooks.partner.example/cx?source=nop"))
			.isEqualTo(URI.create("https://hooks.partner.example/cx?source=nop"));
		assertThat(this.guard.validate("http://203.0.113.10:8443/hook")).hasPort(8443);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://hooks.partner.example/", "file:///etc/passwd", "gopher://hooks.partner.example/",
			"javascript:alert(1)", "hooks.partner.example/hook", "https://user:pass@hooks.partner.example/",
			"https://hooks.partner.example/#frag", "https:///nohost", "http://exa mple.com/" })
	void refusesWhatIsNotAPlainHttpUrl(String url) {
		assertThatExceptionOfType(InvalidWebhookUrlException.class).isThrownBy(() -> this.guard.validate(url));
	}

	@Test
	void anUnresolvableHostCannotBeChecked() {
		assertThatExceptionOfType(UnresolvableWebhookHostException.class)
			.isThrownBy(() -> this.guard.validate("https://no-such-host.invalid/hook"));
	}

	@Test
	void configurationOpensPrivateTargetsButNeverMetadataOrMulticast() {
		WebhookTargetGuard open = new WebhookTargetGuard(this.resolver, true, List.of(), 2048);
		assertThat(open.validate("http://127.0.0.1:9000/hook")).hasHost("127.0.0.1");
		assertThat(open.validate("http://10.0.0.1/hook")).hasHost("10.0.0.1");
		assertThat(open.validate("http://localhost:9000/hook")).hasHost("localhost");
		assertThatExceptionOfType(WebhookTargetRefusedException.class)
			.isThrownBy(() -> open.validate("http://169.254.169.254/"));
		assertThatExceptionOfType(WebhookTargetRefusedException.class).isThrownBy(() -> open.validate("http://224.0.0.1/"));
	}

	@Test
	void anAllowlistOpensExactlyOneAddressAndPort() {
		WebhookTargetGuard allowlisted = new WebhookTargetGuard(this.resolver, false,
				List.of("127.0.0.1:9000", "[::1]:9001"), 2048);
		assertThat(allowlisted.validate("http://127.0.0.1:9000/hook")).hasPort(9000);
		assertThat(allowlisted.validate("http://[::1]:9001/hook")).hasPort(9001);
		assertThatExceptionOfType(WebhookTargetRefusedException.class)
			.isThrownBy(() -> allowlisted.validate("http://127.0.0.1:9002/hook"));
		assertThatExceptionOfType(WebhookTargetRefusedException.class)
			.isThrownBy(() -> allowlisted.validate("http://10.0.0.1:9000/hook"));
	}

	@Test
	void theDeliveryTimeCheckSeesTheAddressTheNameHasNow() {
		String[] current = { "203.0.113.10" };
		WebhookTargetGuard rebinding = new WebhookTargetGuard((host) -> InetAddress.getAllByName(current[0]), false,
				List.of(), 2048);
		URI url = rebinding.validate("https://hooks.partner.example/hook");
		current[0] = "127.0.0.1";
		assertThatExceptionOfType(WebhookTargetRefusedException.class).isThrownBy(() -> rebinding.vet(url));
	}

	@Test
	void anAllowlistEntryMustBeALiteralAddressWithAPort() {
		for (String entry : List.of("localhost:9000", "cafe:9000", "127.0.0.1", "example.com:80")) {
			assertThatIllegalArgumentException()
				.as(entry)
				.isThrownBy(() -> new WebhookTargetGuard(this.resolver, false, List.of(entry), 2048));
		}
	}
}
