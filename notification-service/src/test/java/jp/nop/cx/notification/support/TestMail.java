package jp.nop.cx.notification.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** One GreenMail SMTP server for the test JVM; mail is read by recipient, never purged. */
public final class TestMail {

	private static final TestMail INSTANCE = new TestMail();

	private final GreenMail server;

	private final int port;

	private TestMail() {
		try (ServerSocket probe = new ServerSocket(0)) {
			this.port = probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(this.server::stop, "greenmail-stop"));
	}

	public static TestMail get() {
		return INSTANCE;
	}

	public int port() {
		return this.port;
	}

	/** Every mail received for {@code address}, oldest first. */
	public List<Mail> to(String address) {
		List<Mail> mails = new ArrayList<>();
		for (MimeMessage message : this.server.getReceivedMessages()) {
			try {
				Address[] recipients = message.getRecipients(Message.RecipientType.TO);
				if (recipients != null && Arrays.stream(recipients).anyMatch((r) -> r.toString().equalsIgnoreCase(address))) {
					mails.add(Mail.of(message));
				}
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return mails;
	}

	/** A received mail: decoded subject, the text and HTML parts, and the headers tests look at. */
	public record Mail(String subject, String text, String html, String contentType, String noticeId, String from) {

		static Mail of(MimeMessage message) throws MessagingException, IOException {
			Parts parts = new Parts();
			parts.collect(message);
			String[] notice = message.getHeader("X-CX-Notice-Id");
			return new Mail(message.getSubject(), parts.text, parts.html, message.getContentType(),
					(notice != null) ? notice[0] : null, message.getFrom()[0].toString());
		}
	}

	private static final class Parts {

		private String text;

		private String html;

		void collect(Part part) throws MessagingException, IOException {
			if (part.isMimeType("text/plain") && this.text == null) {
				this.text = ((String) part.getContent()).replace("\r\n", "\n");
			}
			else if (part.isMimeType("text/html") && this.html == null) {
				this.html = ((String) part.getContent()).replace("\r\n", "\n");
			}
			else if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart body = multipart.getBodyPart(i);
					collect(body);
				}
			}
		}
	}
}
