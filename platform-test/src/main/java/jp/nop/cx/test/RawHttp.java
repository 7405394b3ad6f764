package jp.nop.cx.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bytes on a socket, for requests no HTTP client would send (a malformed request line, a 10 KB
 * URI, headers over the server's limit). The request is sent as given; the answer is read until
 * the declared {@code Content-Length} or the last chunk has arrived, else until the server closes
 * the connection.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** One answer: status, headers (lower-case names) and body. */
	public record Answer(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		public JsonNode json() {
			return JsonMapper.builder().build().readTree(this.body);
		}
	}

	public static Answer send(int port, String request) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request.getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
			catch (IOException refusedMidway) {
				// A server may answer and stop reading before a huge request is written: read the answer.
			}
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Answer read(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.write(b);
			matched = ((b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)))
					? matched + 1 : 0;
		}
		String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
		}
		String length = headers.get("content-length");
		byte[] body;
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = dechunk(in);
		}
		else {
			body = (length != null) ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
		}
		return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String size = line(in);
			int semicolon = size.indexOf(';');
			int n = Integer.parseInt((semicolon >= 0) ? size.substring(0, semicolon).trim() : size.trim(), 16);
			if (n == 0) {
				return body.toByteArray();
			}
			body.write(in.readNBytes(n));
			line(in);
		}
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}
}
