package jp.nop.cx.notification.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import jakarta.mail.internet.MimeMessage;
import jp.nop.cx.notification.delivery.Delivery;
import jp.nop.cx.notification.delivery.PreparedDelivery;
import jp.nop.cx.notification.delivery.Recipient;
import jp.nop.cx.notification.delivery.RetrySchedule;
import jp.nop.cx.notification.delivery.SendOutcome;
import jp.nop.cx.notification.notice.NoticeEvent;
import jp.nop.cx.notification.policy.Audience;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.notification.policy.NoticeRule;
import jp.nop.cx.notification.system.NotificationProperties;
import jp.nop.cx.notification.template.RenderedNotice;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpSenderTest {

	private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

	@Test
	void aDeadServerOpensTheCircuitSoMailWaitsInsteadOfEachDeliveryTimingOut() throws IOException {
		JavaMailSenderImpl dead = new JavaMailSenderImpl();
		dead.setHost("127.0.0.1");
		dead.setPort(closedPort());
		CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(30))
			.build();
		SmtpSender sender = new SmtpSender(dead, breaker, properties(), Clock.fixed(NOW, ZoneOffset.UTC));

		List<SendOutcome.Kind> outcomes = new ArrayList<>();
		for (int round = 0; round < 7; round++) {
			PreparedDelivery mail = prepared("tanaka" + round + "@example.co.jp");
			Map<String, SendOutcome> result = sender.send(List.of(mail));
			outcomes.add(result.get(mail.id()).kind());
		}
		assertThat(outcomes).containsExactly(SendOutcome.Kind.RETRY, SendOutcome.Kind.RETRY, SendOutcome.Kind.RETRY,
				SendOutcome.Kind.RETRY, SendOutcome.Kind.RETRY, SendOutcome.Kind.POSTPONED, SendOutcome.Kind.POSTPONED);
	}

	@Test
	void anAddressThatIsNoAddressFailsAtOnceWithoutTouchingTheServer() throws IOException {
		JavaMailSenderImpl dead = new JavaMailSenderImpl();
		dead.setHost("127.0.0.1");
		dead.setPort(closedPort());
		SmtpSender sender = new SmtpSender(dead, CircuitBreakerConfig.ofDefaults(), properties(),
				Clock.fixed(NOW, ZoneOffset.UTC));
		PreparedDelivery bad = prepared("not an address\r\nBcc: x@example.com");
		assertThat(sender.send(List.of(bad)).get(bad.id()).kind()).isEqualTo(SendOutcome.Kind.FAILED);
	}

	@Test
	void everyAttemptOfANoticeIsTheSameMessageSoAMailboxKeepsItOnce() throws Exception {
		GreenMail server = new GreenMail(new ServerSetup(closedPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		try {
			JavaMailSenderImpl smtp = new JavaMailSenderImpl();
			smtp.setHost("127.0.0.1");
			smtp.setPort(server.getSmtp().getPort());
			SmtpSender sender = new SmtpSender(smtp, CircuitBreakerConfig.ofDefaults(), properties(),
					Clock.fixed(NOW, ZoneOffset.UTC));
			PreparedDelivery mail = prepared("tanaka@example.co.jp");
			// The first attempt's outcome was never recorded (the instance died): the notice goes again.
			sender.send(List.of(mail));
			sender.send(List.of(mail));

			assertThat(server.getReceivedMessages()).hasSize(2)
				.extracting(MimeMessage::getMessageID)
				.containsOnly("<" + mail.id() + "@nop.example>");
		}
		finally {
			server.stop();
		}
	}

	@Test
	void aRoundLargerThanOneConnectionsBatchGoesOverSeveralConnectionsEachMailOnce() throws Exception {
		GreenMail server = new GreenMail(new ServerSetup(closedPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		try {
			JavaMailSenderImpl smtp = new JavaMailSenderImpl();
			smtp.setHost("127.0.0.1");
			smtp.setPort(server.getSmtp().getPort());
			SmtpSender sender = new SmtpSender(smtp, CircuitBreakerConfig.ofDefaults(), properties(),
					Clock.fixed(NOW, ZoneOffset.UTC));
			List<PreparedDelivery> round = new ArrayList<>();
			for (int i = 0; i < 250; i++) {
				round.add(prepared("tanaka" + i + "@example.co.jp"));
			}

			Map<String, SendOutcome> outcomes = sender.send(round);

			assertThat(outcomes).hasSize(250);
			assertThat(outcomes.values()).extracting(SendOutcome::kind).containsOnly(SendOutcome.Kind.SENT);
			assertThat(server.getReceivedMessages()).extracting(MimeMessage::getMessageID)
				.containsExactlyInAnyOrderElementsOf(round.stream().map((p) -> "<" + p.id() + "@nop.example>").toList());
		}
		finally {
			server.stop();
		}
	}

	private static PreparedDelivery prepared(String address) {
		Recipient recipient = new Recipient(Audience.PARTNER_CONTACT, "partner:p-1", "p-1", address, "ja", "田中", "株式会社テスト");
		Delivery delivery = Delivery.pending("e-1", NoticeRule.WARNING, recipient, Channel.EMAIL, NOW,
				new RetrySchedule(List.of(Duration.ZERO)));
		return new PreparedDelivery(delivery, new RenderedNotice("【NOP CXポータル】警告のお知らせ", "本文", "<p>本文</p>", "ja"),
				new NoticeEvent("e-1", "partner-warned", "t", "p-1", "{}", NOW, NOW));
	}

	private static NotificationProperties properties() {
		return new NotificationProperties(URI.create("http://localhost:8080"), "operator@nop.example", "ja",
				new NotificationProperties.Mail("cx-portal@nop.example", "NOP CX ポータル", 100, 4),
				new NotificationProperties.Dispatch(Duration.ofSeconds(1), List.of(Duration.ZERO), 200,
						Duration.ofSeconds(20), Duration.ofMinutes(2), Duration.ofHours(24), Duration.ofSeconds(5)),
				new NotificationProperties.FanOut(500, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(2)),
				new NotificationProperties.Webhooks(false, List.of(), Duration.ofSeconds(2), Duration.ofSeconds(5), 4, 2048),
				new NotificationProperties.Breaker(50, 10, 5, Duration.ofSeconds(30)), "");
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
