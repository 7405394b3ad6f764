package jp.nop.cx.localstack.infra;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The two HTML pages a person reads mail with. Everything from a mail is escaped. */
final class MailPages {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'）」]+");

	private static final String STYLE = """
			<style>
			body{font-family:system-ui,sans-serif;margin:2em;color:#222}
			table{border-collapse:collapse;width:100%}
			td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top}
			pre{white-space:pre-wrap;background:#f6f6f6;padding:1em;border-radius:4px}
			iframe{width:100%;height:32em;border:1px solid #ddd}
			.muted{color:#777}
			</style>
			""";

	private MailPages() {
	}

	static String list(List<MailView> messages) {
		String rows = messages.stream()
			.map((view) -> "<tr><td class=\"muted\">" + escape(TIME.format(view.created())) + "</td><td>"
					+ escape(view.from().address()) + "</td><td>" + escape(addresses(view.to()))
					+ "</td><td><a href=\"/view/" + escape(urlPart(view.id())) + "\">"
					+ escape(view.subject().isBlank() ? "(no subject)" : view.subject()) + "</a></td></tr>")
			.collect(Collectors.joining("\n"));
		return page("CX mail catcher",
				"<h1>Caught mail <span class=\"muted\">(" + messages.size() + ")</span></h1>"
						+ "<p class=\"muted\">Everything sent to the SMTP catcher of ./cx up; newest first; "
						+ "this page refreshes every 10 s. API: <code>/api/v1/messages</code></p>"
						+ (messages.isEmpty() ? "<p>No mail yet.</p>"
								: "<table><tr><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr>" + rows
										+ "</table>"),
				true);
	}

	static String view(MailView view) {
		StringBuilder body = new StringBuilder();
		body.append("<p><a href=\"/\">← all mail</a></p>");
		body.append("<h1>").append(escape(view.subject())).append("</h1>");
		body.append("<table>");
		row(body, "From", view.from().name().isBlank() ? view.from().address()
				: view.from().name() + " <" + view.from().address() + ">");
		row(body, "To", addresses(view.to()));
		if (!view.cc().isEmpty()) {
			row(body, "Cc", addresses(view.cc()));
		}
		row(body, "Received", TIME.format(view.created()));
		row(body, "ID", view.id());
		if (!view.attachments().isEmpty()) {
			row(body, "Attachments", String.join(", ", view.attachments()));
		}
		body.append("</table>");
		if (!view.text().isBlank()) {
			body.append("<h2>Text</h2><pre>").append(linkify(view.text())).append("</pre>");
		}
		if (!view.html().isBlank()) {
			body.append("<h2>HTML</h2><iframe sandbox srcdoc=\"").append(escape(view.html())).append("\"></iframe>");
		}
		return page(view.subject(), body.toString(), false);
	}

	static String notFound() {
		return page("Not found", "<p><a href=\"/\">← all mail</a></p><p>No such message.</p>", false);
	}

	private static void row(StringBuilder body, String name, String value) {
		body.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>");
	}

	private static String addresses(List<MailView.Addr> addrs) {
		return addrs.stream().map(MailView.Addr::address).collect(Collectors.joining(", "));
	}

	private static String page(String title, String body, boolean refresh) {
		return "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
				+ (refresh ? "<meta http-equiv=\"refresh\" content=\"10\">" : "") + "<title>" + escape(title)
				+ "</title>" + STYLE + "</head><body>" + body + "</body></html>";
	}

	/** Escapes text and turns http(s) URLs into links (each piece escaped on its own). */
	static String linkify(String text) {
		StringBuilder out = new StringBuilder();
		Matcher matcher = URL.matcher(text);
		int last = 0;
		while (matcher.find()) {
			out.append(escape(text.substring(last, matcher.start())));
			String url = escape(matcher.group());
			out.append("<a href=\"").append(url).append("\" rel=\"noreferrer noopener\">").append(url).append("</a>");
			last = matcher.end();
		}
		out.append(escape(text.substring(last)));
		return out.toString();
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private static String urlPart(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
