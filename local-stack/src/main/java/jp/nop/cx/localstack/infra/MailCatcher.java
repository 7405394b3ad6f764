package jp.nop.cx.localstack.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SMTP catcher: GreenMail accepts any mail on the SMTP port (no auth, any recipient), and a small
 * HTTP server answers the subset of Mailpit's API that scripts use, plus two pages for a person.
 * Mail lives in memory only.
 */
public final class MailCatcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

	static {
		// GreenMail parses every mail it takes with Jakarta Mail, which looks its StreamProvider up
		// through ServiceLoader for every body part (jakartaee/mail-api#699, #861): 13 % of this
		// JVM's CPU while it caught a fan-out's mail. Named by this property, it is one Class.forName.
		System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider",
				"org.eclipse.angus.mail.util.MailStreamProvider");
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int DEFAULT_LIMIT = 50;

	private final String host;

	private final int smtpPort;

	private final int httpPort;

	private GreenMail greenMail;

	private HttpServer http;

	private ExecutorService httpExecutor;

	/** Decoded views by stored copy (GreenMail keeps one copy per recipient mailbox). */
	private final Map<StoredMessage, MailView> decoded = new IdentityHashMap<>();

	private final Set<String> deletedIds = new HashSet<>();

	private final AtomicLong sequence = new AtomicLong();

	public MailCatcher(String host, int smtpPort, int httpPort) {
		this.host = host;
		this.smtpPort = smtpPort;
		this.httpPort = httpPort;
	}

	public synchronized void start() throws IOException {
		GreenMail mail = new GreenMail(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP));
		mail.start();
		this.greenMail = mail;
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(host, httpPort), 16);
			AtomicInteger threads = new AtomicInteger();
			this.httpExecutor = Executors.newFixedThreadPool(4, (runnable) -> {
				Thread thread = new Thread(runnable, "mail-http-" + threads.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
			server.setExecutor(httpExecutor);
			server.createContext("/", this::handle);
			server.start();
			this.http = server;
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw ex;
		}
	}

	public int smtpPort() {
		return smtpPort;
	}

	public int httpPort() {
		return http.getAddress().getPort();
	}

	@Override
	public synchronized void close() {
		if (http != null) {
			http.stop(0);
			http = null;
		}
		if (httpExecutor != null) {
			httpExecutor.shutdownNow();
			httpExecutor = null;
		}
		if (greenMail != null) {
			greenMail.stop();
			greenMail = null;
		}
	}

	/** Every caught message once (copies for several recipients merged), newest first. */
	public synchronized List<MailView> messages() {
		List<StoredMessage> stored = greenMail.getManagers().getImapHostManager().getAllMessages();
		Map<String, MailView> byId = new LinkedHashMap<>();
		Set<StoredMessage> present = Collections.newSetFromMap(new IdentityHashMap<>());
		for (StoredMessage message : stored) {
			present.add(message);
			MailView view = decoded.computeIfAbsent(message, this::decode);
			if (!deletedIds.contains(view.id())) {
				byId.merge(view.id(), view, (a, b) -> a.sequence() <= b.sequence() ? a : b);
			}
		}
		decoded.keySet().retainAll(present);
		List<MailView> result = new ArrayList<>(byId.values());
		result.sort(Comparator.comparing(MailView::created).thenComparingLong(MailView::sequence).reversed());
		return result;
	}

	public Optional<MailView> message(String id) {
		List<MailView> all = messages();
		if ("latest".equals(id)) {
			return all.stream().findFirst();
		}
		return all.stream().filter((view) -> view.id().equals(id)).findFirst();
	}

	public synchronized void deleteAll() {
		try {
			greenMail.purgeEmailFromAllMailboxes();
		}
		catch (FolderException ex) {
			throw new IllegalStateException("cannot purge the mailboxes", ex);
		}
		decoded.clear();
		deletedIds.clear();
	}

	public synchronized void delete(List<String> ids) {
		deletedIds.addAll(ids);
	}

	private MailView decode(StoredMessage stored) {
		long seq = sequence.incrementAndGet();
		Instant created = stored.getReceivedDate() == null ? Instant.now() : stored.getReceivedDate().toInstant();
		MimeMessage message = stored.getMimeMessage();
		String id = idOf(message);
		try {
			return MailView.decode(id, seq, created, message);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			log.warn("cannot decode a caught mail: {}", ex.toString());
			return new MailView(id, seq, created, new MailView.Addr("", ""), List.of(), List.of(),
					"(undecodable mail: " + ex.getMessage() + ")", "", "", 0, List.of());
		}
	}

	/** A stable ID: from the Message-ID header, else from the raw bytes (equal for every copy). */
	private static String idOf(MimeMessage message) {
		byte[] key;
		try {
			String messageId = message.getMessageID();
			if (messageId != null && !messageId.isBlank()) {
				key = messageId.getBytes(StandardCharsets.UTF_8);
			}
			else {
				ByteArrayOutputStream raw = new ByteArrayOutputStream();
				message.writeTo(raw);
				key = raw.toByteArray();
			}
		}
		catch (MessagingException | IOException ex) {
			key = String.valueOf(System.identityHashCode(message)).getBytes(StandardCharsets.UTF_8);
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// ---------------------------------------------------------------- HTTP

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getRawPath();
			String method = exchange.getRequestMethod();
			if (path.equals("/api/v1/messages")) {
				switch (method) {
					case "GET" -> sendJson(exchange, 200, listJson(query(exchange)));
					case "DELETE" -> {
						deleteFrom(exchange.getRequestBody());
						sendText(exchange, 200, "text/plain", "ok");
					}
					default -> sendJson(exchange, 405, error("method not allowed"));
				}
			}
			else if (path.startsWith("/api/v1/message/")) {
				if (!method.equals("GET")) {
					sendJson(exchange, 405, error("method not allowed"));
					return;
				}
				String id = decodePath(path.substring("/api/v1/message/".length()));
				Optional<MailView> view = message(id);
				if (view.isPresent()) {
					sendJson(exchange, 200, messageJson(view.get()));
				}
				else {
					sendJson(exchange, 404, error("message not found"));
				}
			}
			else if (path.equals("/") && method.equals("GET")) {
				sendText(exchange, 200, "text/html", MailPages.list(messages()));
			}
			else if (path.startsWith("/view/") && method.equals("GET")) {
				Optional<MailView> view = message(decodePath(path.substring("/view/".length())));
				if (view.isPresent()) {
					sendText(exchange, 200, "text/html", MailPages.view(view.get()));
				}
				else {
					sendText(exchange, 404, "text/html", MailPages.notFound());
				}
			}
			else {
				sendJson(exchange, 404, error("not found"));
			}
		}
		catch (RuntimeException ex) {
			log.warn("mail API request failed: {}", ex.toString());
			try {
				sendJson(exchange, 500, error("internal error"));
			}
			catch (IOException | RuntimeException ignored) {
				// response already started
			}
		}
	}

	private void deleteFrom(InputStream body) throws IOException {
		byte[] bytes = body.readAllBytes();
		if (bytes.length > 0) {
			JsonNode ids = JSON.readTree(bytes).path("IDs");
			if (ids.isArray() && !ids.isEmpty()) {
				List<String> list = new ArrayList<>();
				ids.forEach((id) -> list.add(id.asString()));
				delete(list);
				return;
			}
		}
		deleteAll();
	}

	private ObjectNode listJson(Map<String, String> query) {
		List<MailView> all = messages();
		int start = parseInt(query.get("start"), 0);
		int limit = parseInt(query.get("limit"), DEFAULT_LIMIT);
		List<MailView> page = all.subList(Math.min(start, all.size()), Math.min(start + Math.max(limit, 0), all.size()));
		ObjectNode root = JSON.createObjectNode();
		root.put("total", all.size());
		root.put("unread", 0);
		root.put("count", page.size());
		root.put("messages_count", all.size());
		root.put("start", start);
		root.putArray("tags");
		ArrayNode messages = root.putArray("messages");
		for (MailView view : page) {
			ObjectNode node = messages.addObject();
			node.put("ID", view.id());
			node.put("Read", false);
			node.set("From", addr(view.from()));
			node.set("To", addrs(view.to()));
			node.set("Cc", addrs(view.cc()));
			node.putArray("Bcc");
			node.put("Subject", view.subject());
			node.put("Created", view.created().toString());
			node.put("Size", view.size());
			node.put("Attachments", view.attachments().size());
			node.put("Snippet", view.snippet());
			node.putArray("Tags");
		}
		return root;
	}

	private static ObjectNode messageJson(MailView view) {
		ObjectNode node = JSON.createObjectNode();
		node.put("ID", view.id());
		node.set("From", addr(view.from()));
		node.set("To", addrs(view.to()));
		node.set("Cc", addrs(view.cc()));
		node.putArray("Bcc");
		node.put("Subject", view.subject());
		node.put("Date", view.created().toString());
		node.put("Text", view.text());
		node.put("HTML", view.html());
		node.put("Size", view.size());
		ArrayNode attachments = node.putArray("Attachments");
		view.attachments().forEach((name) -> attachments.addObject().put("FileName", name));
		return node;
	}

	private static ObjectNode addr(MailView.Addr addr) {
		ObjectNode node = JSON.createObjectNode();
		node.put("Name", addr.name());
		node.put("Address", addr.address());
		return node;
	}

	private static ArrayNode addrs(List<MailView.Addr> addrs) {
		ArrayNode array = JSON.createArrayNode();
		addrs.forEach((addr) -> array.add(addr(addr)));
		return array;
	}

	private static ObjectNode error(String message) {
		ObjectNode node = JSON.createObjectNode();
		node.put("Error", message);
		return node;
	}

	private static Map<String, String> query(HttpExchange exchange) {
		Map<String, String> result = new HashMap<>();
		String raw = exchange.getRequestURI().getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					result.put(decodePath(pair.substring(0, eq)), decodePath(pair.substring(eq + 1)));
				}
			}
		}
		return result;
	}

	private static String decodePath(String raw) {
		return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static int parseInt(String value, int fallback) {
		try {
			return value == null ? fallback : Math.max(0, Integer.parseInt(value));
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
		sendText(exchange, status, "application/json", JSON.writeValueAsString(body));
	}

	private static void sendText(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
		exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		if (type.equals("text/html")) {
			exchange.getResponseHeaders()
				.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'");
		}
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

}
