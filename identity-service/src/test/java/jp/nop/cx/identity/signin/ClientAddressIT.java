package jp.nop.cx.identity.signin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jp.nop.cx.identity.IdentityIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC section 5: X-Forwarded-For counts only from a trusted proxy ({@code cx.http.trusted-proxies},
 * loopback 127.0.0.1 by default, i.e. the gateway). A caller that reaches identity-service
 * directly from any other address is limited by its own address whatever header it writes.
 * 127.0.0.2 is a loopback address of this machine that is not the configured proxy.
 */
class ClientAddressIT extends IdentityIT {

	private static final String UNTRUSTED_PEER = "127.0.0.2";

	private static final String TRUSTED_PROXY = "127.0.0.1";

	/** More than any per-address limit of the configuration under test. */
	private static final int ENOUGH = 100;

	@Test
	void aDirectCallerCannotEscapeThePerAddressLimitWithFreshForwardedForValues() throws IOException {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(5)).plusSeconds(1));
		int status = 0;
		int attempts = 0;
		while (status != 429 && attempts < ENOUGH) {
			attempts++;
			status = signInFrom(UNTRUSTED_PEER, newClientAddress(), attempts);
		}
		assertThat(status).as("after %d attempts, each with a new X-Forwarded-For", attempts).isEqualTo(429);

		// Through the trusted proxy the header is believed: a new client address is not limited.
		assertThat(signInFrom(TRUSTED_PROXY, newClientAddress(), attempts + 1)).isEqualTo(401);
	}

	/** A wrong sign-in of a fresh unknown ID over a connection from {@code localAddress}; the status. */
	private int signInFrom(String localAddress, String forwardedFor, int attempt) throws IOException {
		byte[] body = ("{\"loginId\":\"cx-spoof" + attempt + "x\",\"password\":\"当てずっぽうのパスワード\"}")
			.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(localAddress, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
					+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nX-Forwarded-For: "
					+ forwardedFor + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
	}
}
