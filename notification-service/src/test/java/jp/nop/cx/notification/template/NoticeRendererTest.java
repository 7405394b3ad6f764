package jp.nop.cx.notification.template;

import java.time.Instant;
import java.util.List;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.CredentialIssued;
import jp.nop.cx.events.CredentialLocked;
import jp.nop.cx.events.PartnerApproved;
import jp.nop.cx.events.PartnerSuspended;
import jp.nop.cx.events.PartnerWarned;
import jp.nop.cx.events.ServiceStatusChanged;
import jp.nop.cx.events.TermsChanged;
import jp.nop.cx.platform.secret.SealedSecrets;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeRendererTest {

	private static final Instant NOW = Instant.parse("2026-11-27T01:30:00Z");

	private static final SealedSecrets EVENT_SECRETS = SealedSecrets.withKey(SealedSecrets.newKey(), "test key");

	private final NoticeRenderer renderer = new NoticeRenderer(messages(), "https://portal.nop.example", EVENT_SECRETS);

	@Test
	void theUnlockMailOpensTheSealedTokenIntoItsLink() {
		CredentialLocked locked = new CredentialLocked("p-1", "tanaka-admin", "tanaka@example.co.jp", "ja",
				"https://portal.nop.example/unlock", EVENT_SECRETS.seal("unlock_-TOKEN", "tanaka-admin"),
				Instant.parse("2026-11-27T02:30:00Z"), NOW);
		RenderedNotice ja = this.renderer.render("credential-locked", "ja", locked, new Addressee("株式会社テスト", null));
		assertThat(ja.text()).contains("tanaka-admin")
			.contains("\nhttps://portal.nop.example/unlock?token=unlock_-TOKEN\n")
			.contains("2026年11月27日 11:30（日本時間）");
		RenderedNotice en = this.renderer.render("credential-locked", "en", locked, new Addressee("Test K.K.", null));
		assertThat(en.text()).contains("\nhttps://portal.nop.example/unlock?token=unlock_-TOKEN\n");
	}

	@Test
	void theActivationMailHasTheLoginIdLineAndTheLinkOnItsOwnLineAndNoPassword() {
		CredentialIssued issued = new CredentialIssued("p-1", "tanaka-admin", "PARTNER_ADMIN", "ADMINISTRATOR",
				"tanaka@example.co.jp", "ja", "https://portal.nop.example/activate",
				EVENT_SECRETS.seal("abc123_-XYZ", "tanaka-admin"),
				Instant.parse("2026-11-30T01:30:00Z"), NOW);
		RenderedNotice ja = this.renderer.render("credential-issued", "ja", issued, new Addressee("株式会社テスト", null));
		assertThat(ja.text()).contains("ログインID: tanaka-admin\n")
			.contains("\nhttps://portal.nop.example/activate?token=abc123_-XYZ\n")
			.contains("有効期限: 2026年11月30日 10:30（日本時間）")
			.doesNotContainIgnoringCase("password:")
			.doesNotContain("パスワード:");
		assertThat(ja.html()).contains("<a href=\"https://portal.nop.example/activate?token&#x3D;abc123_-XYZ\">");
		RenderedNotice en = this.renderer.render("credential-issued", "en", issued, new Addressee("Test K.K.", null));
		assertThat(en.text()).contains("Login ID: tanaka-admin\n")
			.contains("\nhttps://portal.nop.example/activate?token=abc123_-XYZ\n")
			.contains("Valid until: 30 November 2026, 10:30 JST");
		assertThat(en.language()).isEqualTo("en");
	}

	@Test
	void everyValueAPartnerTypedIsEscapedInTheHtml() {
		PartnerApproved approved = new PartnerApproved("p-1", "a-1", "<script>alert('x')</script>株式会社", "1234567890123",
				"<b>田中</b>", "tanaka@example.co.jp", "ja", "1", NOW, "operator", NOW);
		RenderedNotice notice = this.renderer.render("partner-approved", "ja", approved,
				new Addressee(approved.companyName(), approved.contactName()));
		assertThat(notice.html()).doesNotContain("<script>").doesNotContain("<b>田中")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;株式会社")
			.contains("&lt;b&gt;田中&lt;/b&gt;");
		assertThat(notice.text()).contains("<script>alert('x')</script>株式会社");
	}

	@Test
	void aSubjectNeverCarriesALineBreakOrControlCharacter() {
		PartnerApproved approved = new PartnerApproved("p-1", "a-1", "悪意\r\nBcc: victim@example.com\u0007社", "1234567890123",
				"田中", "tanaka@example.co.jp", "ja", "1", NOW, "operator", NOW);
		RenderedNotice notice = this.renderer.render("partner-approved", "ja", approved, new Addressee("x", "y"));
		assertThat(notice.subject()).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u0007")
			.contains("悪意 Bcc: victim@example.com 社")
			.startsWith("【NOP CXポータル】");
	}

	@Test
	void aTermsChangeNoticeGivesVersionEffectiveTimeInJapanSummaryAndLink() {
		TermsChanged changed = new TermsChanged("BASE", null, "3", Instant.parse("2026-12-01T00:00:00Z"),
				"NOP CXポータル利用規約", "第16条の表現を明確化しました。", "abc", "ja", NOW);
		RenderedNotice ja = this.renderer.render("terms-changed", "ja", changed, new Addressee("株式会社テスト", "田中 太郎"));
		assertThat(ja.subject()).isEqualTo("【NOP CXポータル】利用規約変更のお知らせ（第3版）");
		assertThat(ja.text()).contains("効力発生日時: 2026年12月1日 09:00（日本時間）")
			.contains("第16条の表現を明確化しました。")
			.contains("\nhttps://portal.nop.example/terms/versions/3\n")
			.contains("株式会社テスト 田中 太郎 様");
		RenderedNotice en = this.renderer.render("terms-changed", "en", changed, new Addressee("Test K.K.", "Taro Tanaka"));
		assertThat(en.text()).contains("Effective from: 1 December 2026, 09:00 JST").contains("Dear Taro Tanaka (Test K.K.),");
	}

	@Test
	void aPartialSuspensionNamesItsScope() {
		PartnerSuspended suspended = new PartnerSuspended("p-1", "c-1", "m-1", "EXCESSIVE_LOAD_OR_UNAUTHORIZED_ACCESS",
				false, List.of(Capability.WEBHOOKS, Capability.EXPORT), null, NOW);
		RenderedNotice ja = this.renderer.render("partner-suspended", "ja", suspended, new Addressee("株式会社テスト", null));
		assertThat(ja.text()).contains("停止の範囲: 本サービスの一部（Webhook、バックアップ（エクスポート））")
			.contains("第7条第1項第3号")
			.doesNotContain("NOP からの連絡事項");
	}

	@Test
	void aDiscontinuationNoticeGivesScopeAndTiming() {
		ServiceStatusChanged discontinued = new ServiceStatusChanged("ss-1", "DISCONTINUATION", "EQUIVALENT_SERVICE_STARTED",
				true, List.of(), Instant.parse("2027-03-31T15:00:00Z"), null, false, "SCHEDULED", NOW);
		RenderedNotice ja = this.renderer.render("service-discontinuation", "ja", discontinued, new Addressee("株式会社テスト", null));
		assertThat(ja.text()).contains("廃止の範囲: 本サービスの全部").contains("廃止の時期: 2027年4月1日 00:00（日本時間）")
			.contains("第9条第1項第4号");
	}

	@Test
	void anOperatorNoteWithMarkupOrLinksStaysText() {
		PartnerWarned warned = new PartnerWarned("p-1", "c-1", "m-1", "TERMS_VIOLATION",
				"<a href=\"https://evil.example\">こちら</a>\nhttps://evil.example/login", NOW);
		RenderedNotice notice = this.renderer.render("partner-warned", "ja", warned, new Addressee("株式会社テスト", null));
		assertThat(notice.html()).doesNotContain("<a href=\"https://evil.example").doesNotContain("href=\"https://evil");
		assertThat(notice.text()).contains("https://evil.example/login");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}
