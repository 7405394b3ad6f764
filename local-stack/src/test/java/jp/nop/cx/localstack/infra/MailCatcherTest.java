package jp.nop.cx.localstack.infra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jp.nop.cx.localstack.TestPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MailCatcherTest {

	private static final String SUBJECT = "【NOP CXポータル】管理者IDのご案内";

	private static final String TEXT = "株式会社デモ商事 ご担当者様\n\nログインID: P-0001-admin\n"
			+ "次のリンクからパスワードを設定してください。\nhttp://localhost:8080/activate?token=abc_DEF-123\n";

	private static final String HTML = "<p>株式会社デモ商事 ご担当者様</p><p>ログインID: <b>P-0001-admin</b></p>";

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private MailCatcher catcher;

	private int smtpPort;

	@BeforeEach
	void start() throws Exception {
		smtpPort = TestPorts.free();
		catcher = new MailCatcher("127.0.0.1", smtpPort, 0);
		catcher.start();
	}

	@AfterEach
	void stop() {
		catcher.close();
	}

	@Test
	void japaneseMultipartMailIsListedAndDecoded() throws Exception {
		send("partner@example.co.jp", "other@example.co.jp");

		JsonNode list = await().atMost(Duration.ofSeconds(10))
			.until(() -> getJson("/api/v1/messages"), (node) -> node.path("total").asInt() == 1);
		JsonNode summary = list.path("messages").get(0);
		assertThat(summary.path("Subject").asString()).isEqualTo(SUBJECT);
		assertThat(summary.path("From").path("Address").asString()).isEqualTo("noreply@nop.example");
		assertThat(summary.path("To")).extracting((to) -> to.path("Address").asString())
			.containsExactly("partner@example.co.jp", "other@example.co.jp");
		assertThat(summary.path("Created").asString()).isNotBlank();
		String id = summary.path("ID").asString();

		JsonNode detail = getJson("/api/v1/message/" + id);
		assertThat(detail.path("ID").asString()).isEqualTo(id);
		assertThat(detail.path("Subject").asString()).isEqualTo(SUBJECT);
		assertThat(detail.path("Text").asString()).isEqualToNormalizingNewlines(TEXT);
		assertThat(detail.path("HTML").asString()).isEqualTo(HTML);
		assertThat(detail.path("From").path("Name").asString()).isEqualTo("NOP CXポータル");

		HttpResponse<String> page = get("/view/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(SUBJECT)
			.contains("<a href=\"http://localhost:8080/activate?token=abc_DEF-123\"")
			.contains("&lt;b&gt;P-0001-admin&lt;/b&gt;")
			.doesNotContain("<b>P-0001-admin</b>");
		assertThat(get("/").body()).contains(SUBJECT).contains("/view/" + id);
	}

	@Test
	void newestFirstAndDeleteClears() throws Exception {
		send("first@example.co.jp");
		await().atMost(Duration.ofSeconds(10)).until(() -> getJson("/api/v1/messages").path("total").asInt() == 1);
		send("second@example.co.jp");
		JsonNode list = await().atMost(Duration.ofSeconds(10))
			.until(() -> getJson("/api/v1/messages"), (node) -> node.path("total").asInt() == 2);
		assertThat(list.path("messages").get(0).path("To").get(0).path("Address").asString())
			.isEqualTo("second@example.co.jp");

		HttpResponse<String> deleted = http.send(
				HttpRequest.newBuilder(uri("/api/v1/messages")).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(deleted.statusCode()).isEqualTo(200);
		assertThat(getJson("/api/v1/messages").path("total").asInt()).isZero();
		assertThat(get("/api/v1/message/nope").statusCode()).isEqualTo(404);
	}

	private void send(String... recipients) throws Exception {
		Properties props = new Properties();
		props.put("mail.smtp.host", "127.0.0.1");
		props.put("mail.smtp.port", String.valueOf(smtpPort));
		Session session = Session.getInstance(props);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("noreply@nop.example", "NOP CXポータル", "UTF-8"));
		for (String recipient : recipients) {
			message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
		}
		message.setSubject(SUBJECT, "UTF-8");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(TEXT, "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setContent(HTML, "text/html; charset=UTF-8");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		message.setContent(alternative);
		message.saveChanges();
		assertThat(message.getHeader("Subject")[0]).startsWith("=?UTF-8?");
		Transport.send(message);
	}

	private JsonNode getJson(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		return json.readTree(response.body());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + catcher.httpPort() + path);
	}

}
