package jp.nop.cx.localstack.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.nop.cx.localstack.Console;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static jp.nop.cx.localstack.demo.Answers.abbreviate;
import static jp.nop.cx.localstack.demo.Answers.items;
import static jp.nop.cx.localstack.demo.Answers.nextVersion;
import static jp.nop.cx.localstack.demo.Answers.noticeTitle;
import static jp.nop.cx.localstack.demo.Answers.text;
import static jp.nop.cx.localstack.demo.Answers.versionMatches;
import static jp.nop.cx.localstack.demo.Steps.encode;
import static jp.nop.cx.localstack.demo.Steps.ok;

/** A new terms version is published, takes effect, is deemed accepted by use and noticed. */
final class ChangeTermsFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	ChangeTermsFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "Terms change (Art. 16): publish, take effect, deemed acceptance by use";
	}

	@Override
	public void run() {
		Http.Response versions = steps.expect(steps.get("/api/v1/terms/versions", null), 200);
		List<String> known = new ArrayList<>();
		items(versions.json()).forEach((item) -> known.add(item.isValueNode() ? item.asString() : text(item, "version")));
		String next = nextVersion(demo.termsVersion, known);
		Instant effectiveFrom = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
		ObjectNode body = Http.JSON.createObjectNode();
		body.put("version", next);
		body.put("effectiveFrom", effectiveFrom.toString());
		body.put("title", "NOP CXポータル利用規約（第" + next + "版）");
		body.put("body", "# NOP CXポータル利用規約（第" + next + "版）\n\n第1条（目的）\n本規約は、デモのために改定された第" + next
				+ "版です。\n\n"
				+ "第16条（本規約の変更）\n変更後の本規約は、効力発生日以降に本サービスを利用したことをもって同意したものとみなします。\n");
		body.put("changeSummary", "デモ: 第16条の表現を明確化しました。");
		body.put("language", "ja");
		Http.Response published = steps.expect(steps.send("POST", "/api/v1/terms/versions", demo.operatorToken, body), 201);
		ok(published, "version " + next + " published, effective from " + effectiveFrom);

		Console.line("  … waiting until version %s is in force", next);
		steps.poll("version " + next + " in force", Duration.ofSeconds(20), () -> {
			Http.Response current = steps.quietly("GET", "/api/v1/terms/current", null);
			return (current.status() == 200 && next.equals(text(current.json(), "version"))) ? Optional.of(current)
					: Optional.empty();
		});
		Console.line("  ✓ GET /api/v1/terms/current answers version %s", next);
		Http.Response diff = steps.expect(steps.get("/api/v1/terms/versions/" + encode(next) + "/diff?from="
				+ encode(demo.termsVersion), null), 200);
		ok(diff, "line diff " + demo.termsVersion + " → " + next + ": +" + text(diff.json(), "added") + " / -"
				+ text(diff.json(), "removed") + " lines");

		Http.Response use = steps.expect(steps.get("/api/v1/partners/me", demo.partnerToken), 200);
		ok(use, "the partner uses the portal after the change");

		// The gateway reports the first use after a terms version takes effect at once (partner-activity).
		Console.line("  … waiting for the DEEMED_BY_USE acceptance of version %s", next);
		JsonNode acceptance = steps.poll("a DEEMED_BY_USE acceptance of version " + next, Duration.ofSeconds(20), () -> {
			Http.Response mine = steps.quietly("GET", "/api/v1/terms/acceptances/me", demo.partnerToken);
			if (mine.status() != 200) {
				throw new Demo.Failed("GET /api/v1/terms/acceptances/me answered " + mine.status() + ": "
						+ abbreviate(mine.body(), 300));
			}
			return items(mine.json()).stream()
				.filter((item) -> "DEEMED_BY_USE".equals(text(item, "method")) && versionMatches(item, next))
				.findFirst();
		});
		Console.line("  ✓ GET /api/v1/terms/acceptances/me: version %s, method DEEMED_BY_USE, acceptedAt %s", next,
				text(acceptance, "acceptedAt"));

		Console.line("  … waiting for the terms-change notice (Art. 16.2)");
		String notice = steps.poll("the terms-change notice in the inbox or the mail", Duration.ofSeconds(20),
				this::termsNotice);
		Console.line("  ✓ %s", notice);
		demo.termsVersion = next;
	}

	private Optional<String> termsNotice() {
		Http.Response inbox = steps.quietly("GET", "/api/v1/notifications/me", demo.partnerToken);
		if (inbox.status() == 200) {
			for (JsonNode item : items(inbox.json())) {
				String all = item.toString().toLowerCase(Locale.ROOT);
				if (all.contains("terms") || all.contains("規約")) {
					return Optional.of("inbox: " + noticeTitle(item));
				}
			}
		}
		for (JsonNode mail : steps.mailsTo(demo.contactEmail)) {
			String subject = text(mail, "Subject");
			if (subject.contains("規約") || subject.toLowerCase(Locale.ROOT).contains("terms")) {
				return Optional.of("mail: 「" + subject + "」");
			}
		}
		return Optional.empty();
	}

}
