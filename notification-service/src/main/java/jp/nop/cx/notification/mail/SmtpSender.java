package jp.nop.cx.notification.mail;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.nop.cx.notification.delivery.ChannelSender;
import jp.nop.cx.notification.delivery.PreparedDelivery;
import jp.nop.cx.notification.delivery.SendOutcome;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.notification.system.NotificationProperties;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends notices as multipart mail (plain text and HTML, UTF-8), several over one SMTP connection and
 * several connections at once, behind a circuit breaker: while the server is down, mail waits in
 * PENDING instead of every delivery waiting for a connection timeout.
 */
@Component
class SmtpSender implements ChannelSender {

	static {
		// Jakarta Mail 2.1 looks its StreamProvider up through ServiceLoader for every body part,
		// multipart and encoded word it makes (jakartaee/mail-api#699, #861, open in 2.1.5): in a
		// Boot jar that scans every nested jar, and it took 3/4 of the service's CPU in a fan-out
		// (JFR, docs/adr/0023-fanout-throughput.md). Named by this property, it is one Class.forName.
		System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider",
				"org.eclipse.angus.mail.util.MailStreamProvider");
	}

	private final JavaMailSender mail;

	private final CircuitBreaker breaker;

	private final Duration openFor;

	private final NotificationProperties.Mail settings;

	private final Clock clock;

	/** One thread per SMTP connection in use at once. */
	private final ExecutorService connections;

	SmtpSender(JavaMailSender mail, CircuitBreakerConfig notificationCircuitBreakerConfig,
			NotificationProperties properties, Clock clock) {
		this.mail = mail;
		this.breaker = CircuitBreaker.of("smtp", notificationCircuitBreakerConfig);
		this.openFor = properties.breaker().openFor();
		this.settings = properties.mail();
		this.clock = clock;
		AtomicInteger count = new AtomicInteger();
		this.connections = Executors.newFixedThreadPool(this.settings.concurrency(), (task) -> {
			Thread thread = new Thread(task, "smtp-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public Map<String, SendOutcome> send(List<PreparedDelivery> round) {
		List<CompletableFuture<Map<String, SendOutcome>>> running = new ArrayList<>();
		for (int from = 0; from < round.size(); from += this.settings.batchSize()) {
			List<PreparedDelivery> batch = round.subList(from, Math.min(round.size(), from + this.settings.batchSize()));
			running.add(CompletableFuture.supplyAsync(() -> sendOverOneConnection(batch), this.connections));
		}
		Map<String, SendOutcome> outcomes = new LinkedHashMap<>();
		running.forEach((batch) -> outcomes.putAll(batch.join()));
		return outcomes;
	}

	private Map<String, SendOutcome> sendOverOneConnection(List<PreparedDelivery> batch) {
		Map<String, SendOutcome> outcomes = new LinkedHashMap<>();
		send(batch, outcomes);
		return outcomes;
	}

	private void send(List<PreparedDelivery> batch, Map<String, SendOutcome> outcomes) {
		if (!this.breaker.tryAcquirePermission()) {
			batch.forEach((p) -> outcomes.put(p.id(), SendOutcome.postponed("SMTP circuit open", this.openFor)));
			return;
		}
		Map<MimeMessage, PreparedDelivery> messages = new IdentityHashMap<>();
		List<MimeMessage> ordered = new ArrayList<>();
		for (PreparedDelivery prepared : batch) {
			try {
				MimeMessage message = message(prepared);
				messages.put(message, prepared);
				ordered.add(message);
			}
			catch (AddressException ex) {
				outcomes.put(prepared.id(), SendOutcome.failed("invalid e-mail address"));
			}
			catch (MessagingException | UnsupportedEncodingException ex) {
				outcomes.put(prepared.id(), SendOutcome.failed("the message cannot be built: " + ex.getMessage()));
			}
		}
		if (ordered.isEmpty()) {
			this.breaker.releasePermission();
			return;
		}
		long started = System.nanoTime();
		try {
			this.mail.send(ordered.toArray(MimeMessage[]::new));
			this.breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			messages.values().forEach((p) -> outcomes.put(p.id(), SendOutcome.sent(p.delivery().address())));
		}
		catch (MailSendException ex) {
			Map<Object, Exception> failed = ex.getFailedMessages();
			if (failed.size() >= ordered.size()) {
				// Nothing went through (typically no connection): the server, not the messages.
				this.breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, ex);
			}
			else {
				this.breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			}
			messages.forEach((message, prepared) -> {
				Exception failure = failed.get(message);
				outcomes.put(prepared.id(), (failure != null) ? SendOutcome.retry(describe(failure), null)
						: SendOutcome.sent(prepared.delivery().address()));
			});
		}
		catch (MailException ex) {
			this.breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, ex);
			messages.values().forEach((p) -> outcomes.put(p.id(), SendOutcome.retry(describe(ex), null)));
		}
	}

	private MimeMessage message(PreparedDelivery prepared) throws MessagingException, UnsupportedEncodingException {
		InternetAddress to = new InternetAddress(prepared.delivery().address(), true);
		to.validate();
		MimeMessage message = this.mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
		helper.setFrom(this.settings.from(), this.settings.fromName());
		helper.setTo(to);
		// Already header-safe (no CR/LF, no control characters); encoded as UTF-8 (RFC 2047).
		helper.setSubject(prepared.notice().subject());
		helper.setText(prepared.notice().text(), prepared.notice().html());
		helper.setSentDate(Date.from(this.clock.instant()));
		message.setHeader("Auto-Submitted", "auto-generated");
		message.setHeader("X-CX-Notice-Id", prepared.id());
		// One Message-ID per notice, the same on every attempt: an instance that dies after the
		// server took a mail but before the delivery was recorded leaves it PENDING, and the
		// survivor sends it again. Mailboxes keep one message per Message-ID (Gmail, Mailpit's
		// --ignore-duplicate-ids, the local catcher), so the partner still sees one notice.
		message.setHeader("Message-ID", "<" + prepared.id() + "@" + domainOf(this.settings.from()) + ">");
		return message;
	}

	private static String domainOf(String address) {
		int at = address.lastIndexOf('@');
		return (at >= 0 && at < address.length() - 1) ? address.substring(at + 1) : "cx.nop.jp";
	}

	private static String describe(Exception ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return "SMTP: " + root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}
}
