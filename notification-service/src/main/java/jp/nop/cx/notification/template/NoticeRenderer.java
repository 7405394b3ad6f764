package jp.nop.cx.notification.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jp.nop.cx.events.CxEvent;
import jp.nop.cx.notification.system.NotificationProperties;
import jp.nop.cx.platform.secret.SealedSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Writes notices from the Mustache templates under {@code templates/notices/<lang>/}. A notice
 * template's first line is its subject and the rest its text; the HTML version is that text in
 * the language's {@code layout.html.mustache}, where every value goes through Mustache's HTML
 * escaping, so nothing a partner or operator typed becomes markup.
 */
@Component
public class NoticeRenderer {

	private static final String ROOT = "templates/notices/";

	/**
	 * Plain text: values as they are. {@code {{> ja/greeting}}} includes {@code ja/greeting.mustache}
	 * (its final line break dropped: the line that includes it has one).
	 */
	private final Mustache.Compiler text = Mustache.compiler()
		.escapeHTML(false)
		.nullValue("")
		.emptyStringIsFalse(true)
		.withLoader((name) -> new StringReader(read(ROOT + name + ".mustache").stripTrailing()));

	/** HTML: {@code {{value}}} is escaped (&amp;, &lt;, &gt;, quotes). */
	private final Mustache.Compiler html = Mustache.compiler().escapeHTML(true).nullValue("").emptyStringIsFalse(true);

	private final Map<String, Compiled> templates = new ConcurrentHashMap<>();

	private final Map<Language, Template> layouts = new ConcurrentHashMap<>();

	private final NoticeFacts facts;

	@Autowired
	public NoticeRenderer(MessageSource messages, NotificationProperties properties) {
		this(messages, properties.portalBase(), SealedSecrets.withKey(properties.eventSecretKey(),
				"CX_EVENT_SECRET_KEY (cx.notification.event-secret-key)"));
	}

	NoticeRenderer(MessageSource messages, String portalBase, SealedSecrets eventSecrets) {
		this.facts = new NoticeFacts(messages, portalBase, eventSecrets);
	}

	public RenderedNotice render(String template, String preferredLanguage, CxEvent payload, Addressee addressee) {
		Language language = Language.of(preferredLanguage);
		NoticeFacts.Model model = this.facts.of(payload, addressee, language);
		Compiled compiled = this.templates.computeIfAbsent(language.code() + "/" + template,
				(key) -> compile(ROOT + key + ".mustache"));
		String subject = headerSafe(compiled.subject().execute(model));
		String body = compiled.body().execute(model).strip() + "\n";
		Template layout = this.layouts.computeIfAbsent(language,
				(lang) -> this.html.compile(read(ROOT + lang.code() + "/layout.html.mustache")));
		String html = layout.execute(Map.of("subject", subject, "paragraphs", paragraphs(body, model)));
		return new RenderedNotice(subject, body, html, language.code());
	}

	/**
	 * A subject fit for a mail header: no CR/LF or other control characters (no header injection),
	 * whitespace collapsed, bounded length.
	 */
	static String headerSafe(String subject) {
		String clean = subject.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ")
			.replaceAll("\\s+", " ")
			.strip();
		return (clean.length() <= 200) ? clean : clean.substring(0, 199) + "…";
	}

	/** Blank lines separate paragraphs; a line that is exactly one of the model's links becomes an anchor. */
	private static List<Map<String, Object>> paragraphs(String body, NoticeFacts.Model model) {
		List<Map<String, Object>> paragraphs = new ArrayList<>();
		for (String block : body.split("\\n\\s*\\n")) {
			List<Map<String, Object>> lines = new ArrayList<>();
			for (String line : block.split("\\n")) {
				String trimmed = line.strip();
				if (model.links().contains(trimmed)) {
					lines.add(Map.of("text", trimmed, "href", trimmed, "link", true));
				}
				else {
					lines.add(Map.of("text", line, "link", false));
				}
			}
			if (!block.isBlank()) {
				paragraphs.add(Map.of("lines", lines));
			}
		}
		return paragraphs;
	}

	private Compiled compile(String path) {
		String source = read(path);
		int newline = source.indexOf('\n');
		if (newline < 0) {
			throw new IllegalStateException(path + " needs a subject line and a body");
		}
		// The subject is compiled on its own, so a value with a line break cannot move text into it.
		return new Compiled(this.text.compile(source.substring(0, newline)), this.text.compile(source.substring(newline + 1)));
	}

	private static String read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("No notice template " + path, ex);
		}
	}

	private record Compiled(Template subject, Template body) {
	}
}
