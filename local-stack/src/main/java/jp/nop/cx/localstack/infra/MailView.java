package jp.nop.cx.localstack.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * One caught mail, decoded: RFC 2047 headers, the first text/plain and text/html parts of any
 * (nested) multipart, in their declared charsets.
 */
public record MailView(String id, long sequence, Instant created, Addr from, List<Addr> to, List<Addr> cc,
		String subject, String text, String html, int size, List<String> attachments) {

	/** A mailbox: display name (decoded, may be empty) and address. */
	public record Addr(String name, String address) {
	}

	public String snippet() {
		String source = !text.isBlank() ? text : html.replaceAll("(?s)<[^>]*>", " ");
		String flat = source.replaceAll("\\s+", " ").trim();
		return flat.length() > 250 ? flat.substring(0, 250) + "…" : flat;
	}

	static MailView decode(String id, long sequence, Instant created, MimeMessage message)
			throws MessagingException, IOException {
		Bodies bodies = new Bodies();
		bodies.collect(message);
		Address[] fromHeader = message.getFrom();
		Addr from = (fromHeader != null && fromHeader.length > 0) ? addr(fromHeader[0]) : new Addr("", "");
		int size = message.getSize();
		return new MailView(id, sequence, created, from, addrs(message.getRecipients(Message.RecipientType.TO)),
				addrs(message.getRecipients(Message.RecipientType.CC)),
				message.getSubject() == null ? "" : message.getSubject(), bodies.text == null ? "" : bodies.text,
				bodies.html == null ? "" : bodies.html, Math.max(size, 0), List.copyOf(bodies.attachments));
	}

	private static List<Addr> addrs(Address[] addresses) {
		List<Addr> result = new ArrayList<>();
		if (addresses != null) {
			for (Address address : addresses) {
				result.add(addr(address));
			}
		}
		return List.copyOf(result);
	}

	private static Addr addr(Address address) {
		if (address instanceof InternetAddress internet) {
			return new Addr(internet.getPersonal() == null ? "" : internet.getPersonal(),
					internet.getAddress() == null ? "" : internet.getAddress());
		}
		return new Addr("", address.toString());
	}

	private static final class Bodies {

		String text;

		String html;

		final List<String> attachments = new ArrayList<>();

		void collect(Part part) throws MessagingException, IOException {
			String disposition = part.getDisposition();
			boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition);
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					collect(child);
				}
			}
			else if (!attachment && part.isMimeType("text/plain") && text == null) {
				text = content(part);
			}
			else if (!attachment && part.isMimeType("text/html") && html == null) {
				html = content(part);
			}
			else if (part.getFileName() != null || attachment) {
				attachments.add(part.getFileName() == null ? "(unnamed)" : part.getFileName());
			}
		}

		private static String content(Part part) throws MessagingException, IOException {
			Object content = part.getContent();
			if (content instanceof String string) {
				return string;
			}
			if (content instanceof InputStream in) {
				try (in) {
					ByteArrayOutputStream out = new ByteArrayOutputStream();
					in.transferTo(out);
					return out.toString(StandardCharsets.UTF_8);
				}
			}
			return String.valueOf(content);
		}

	}

}
