package jp.nop.cx.console.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import jp.nop.cx.events.CorporateNumberCheckDigit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console as people use it, in a real browser against the whole platform started as
 * {@code ./cx up} starts it: a company applies, NOP approves, the activation link of the mail
 * opens the console, the partner signs in and sees its standing, is suspended and reinstated,
 * accepts a terms change, and a loss report signs it out everywhere. One screenshot per step
 * under {@code console/target/browser-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleJourneyIT {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final List<String> PARTNER_PAGES = List.of("/partner", "/partner/info", "/partner/members",
			"/partner/inbox", "/partner/webhook", "/partner/terms", "/partner/backup", "/partner/termination",
			"/partner/transfer", "/partner/cases", "/partner/audit", "/partner/incident", "/account", "/status", "/unlock?token=from-the-mail",
			"/terms");

	private static final List<String> OPERATOR_PAGES = List.of("/operator", "/operator/applications",
			"/operator/partners", "/operator/cases", "/operator/status", "/operator/terms", "/operator/compliance",
			"/operator/deliveries", "/operator/credentials", "/operator/transfers", "/operator/audit", "/account");

	private final String contactEmail = "contact-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

	private final String password = "Console-Pass-" + UUID.randomUUID().toString().substring(0, 8);

	private final Mailbox mail = new Mailbox();

	private Browser partner;

	private Browser operator;

	private String applicationId;

	private String partnerId;

	private String loginId;

	private String caseId;

	@BeforeAll
	void startPlatformAndBrowsers() {
		String noBrowser = Browser.unavailableReason();
		assumeTrue(noBrowser == null, noBrowser);
		String noStack = RunningStack.unavailableReason();
		assumeTrue(noStack == null, noStack);
		RunningStack.get();
		this.partner = new Browser("partner", "ja", 1280, 1000);
		this.operator = new Browser("operator", "ja", 1280, 1000);
	}

	@AfterAll
	void closeBrowsers() {
		try {
			if (this.partner != null) {
				assertThat(this.partner.consoleErrors()).as("the partner's browser console").isEmpty();
			}
			if (this.operator != null) {
				assertThat(this.operator.consoleErrors()).as("the operator's browser console").isEmpty();
			}
		}
		finally {
			if (this.partner != null) {
				this.partner.close();
			}
			if (this.operator != null) {
				this.operator.close();
			}
		}
	}

	@Test
	@Order(1)
	void aCompanyAppliesInTheConsole() {
		this.partner.open("/apply").screenshot("apply-form");
		assertThat(this.partner.page()).contains("利用規約に同意します");
		this.partner.type("company.name", "株式会社ブラウザ商事")
			.type("company.corporateNumber", corporateNumber())
			.type("company.postalCode", "100-0001")
			.type("company.address", "東京都千代田区千代田1-1")
			.type("representative.name", "山田 太郎")
			.type("representative.title", "代表取締役")
			.type("contact.name", "佐藤 花子")
			.type("contact.email", this.contactEmail)
			.type("contact.phone", "03-1234-5678");
		// Without agreement the API refuses, and the console says why next to the field.
		this.partner.click("#apply-submit").screenshot("apply-refused-without-agreement");
		assertThat(this.partner.has("#problem")).isTrue();
		assertThat(this.partner.find("#company\\.name").getAttribute("value")).isEqualTo("株式会社ブラウザ商事");

		this.partner.check("agreement.accepted").click("#apply-submit").screenshot("apply-done");
		assertThat(this.partner.path()).isEqualTo("/apply/done");
		this.applicationId = this.partner.text("#application-id");
		assertThat(this.applicationId).isNotBlank();
	}

	@Test
	@Order(2)
	void theOperatorApprovesInTheConsole() {
		signIn(this.operator, RunningStack.OPERATOR_LOGIN, RunningStack.operatorPassword());
		assertThat(this.operator.path()).isEqualTo("/operator");
		this.operator.open("/operator/applications").screenshot("applications");
		assertThat(this.operator.page()).contains("株式会社ブラウザ商事");
		this.operator.clickLink("株式会社ブラウザ商事").screenshot("application");
		this.operator.click("#approve").screenshot("approved");
		assertThat(this.operator.path()).startsWith("/operator/partners/");
		assertThat(this.operator.text("#done")).contains("承認しました");
		this.partnerId = this.operator.path().substring("/operator/partners/".length());
	}

	@Test
	@Order(3)
	void theActivationLinkOfTheMailOpensTheConsole() {
		String link = this.mail.activationLink(this.contactEmail);
		assertThat(link).startsWith(RunningStack.GATEWAY + "/activate?token=");
		this.partner.open(link).screenshot("activate");
		assertThat(this.partner.has("#activate-form")).isTrue();
		this.partner.type("newPassword", this.password).type("confirmPassword", this.password).click("#activate-submit");
		this.partner.screenshot("activated");
		assertThat(this.partner.path()).isEqualTo("/signin");
		this.loginId = this.partner.text("#activated-login");
		assertThat(this.loginId).isNotBlank();
	}

	@Test
	@Order(4)
	void thePartnerSignsInAndSeesItsStandingAndTheWelcomeNotice() {
		signIn(this.partner, this.loginId, this.password);
		assertThat(this.partner.path()).isEqualTo("/partner");
		assertThat(this.partner.text("#standing-status")).isEqualTo("GOOD");
		await("the welcome notice on the home page").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.partner.open("/partner").all("#notices li").size() > 0);
		this.partner.screenshot("home-good");
	}

	@Test
	@Order(5)
	void aSuspensionImposedInTheConsoleIsShownWithItsArticle() {
		this.operator.open("/operator/partners/" + this.partnerId).screenshot("partner");
		this.operator.select("category", "TERMS_VIOLATION")
			.type("description", "ブラウザテスト: 規約違反のおそれ")
			.type("evidence", "アクセスログ抜粋")
			.click("#case-submit");
		assertThat(this.operator.path()).startsWith("/operator/cases/");
		this.caseId = this.operator.text("#case-id");
		this.operator.select("type", "SUSPENSION").type("note", "是正されるまで利用を停止します。").click("#measure-submit");
		this.operator.screenshot("suspension-imposed");
		assertThat(this.operator.text("#measures")).contains("利用停止").contains("全部").doesNotContain("{");
		assertThat(this.operator.text("#history")).contains("operator").contains("案件の開始").contains("措置の実施")
			.contains("是正されるまで利用を停止します。")
			.doesNotContain("MEASURE_IMPOSED")
			.doesNotContain("??")
			.doesNotContain("{")
			.doesNotContain("null");
		assertThat(this.operator.text("#case-status")).isEqualTo("対応中");

		await("the suspension on the partner's next page").atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.partner.open("/partner").text("#standing-status").equals("SUSPENDED")
					&& this.partner.has("#blocked"));
		this.partner.screenshot("home-suspended");
		assertThat(this.partner.text("#blocked")).contains("第7条第2項");
		assertThat(this.partner.text("#active-measures")).contains("利用停止");
	}

	@Test
	@Order(6)
	void afterTheResolutionThePartnerWorksAgain() {
		this.operator.open("/operator/cases/" + this.caseId)
			.type("resolution-note", "是正を確認しました。")
			.click("#resolution-submit")
			.screenshot("resolved");
		await("the partner working again").atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> !this.partner.open("/partner/inbox").has("#problem"));
		this.partner.open("/partner").screenshot("home-reinstated");
		assertThat(this.partner.text("#standing-status")).isEqualTo("GOOD");
		assertThat(this.partner.has("#blocked")).isFalse();
	}

	@Test
	@Order(7)
	void aTermsChangePublishedInTheConsoleReachesTheInboxAndItsAcceptanceIsRecorded() throws Exception {
		String current = JsonMapper.builder()
			.build()
			.readTree(HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(RunningStack.GATEWAY + "/api/v1/terms/current")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body())
			.path("version")
			.asString();
		// A version no run has published yet (the journey may run on a stack used before).
		String next = current.split("\\.")[0] + "." + (System.currentTimeMillis() / 1000 % 100_000);
		String effectiveFrom = LocalDateTime.now(TOKYO)
			.plusMinutes(5)
			.truncatedTo(ChronoUnit.MINUTES)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
		this.operator.open("/operator/terms");
		this.operator.type("version", next).type("title", "NOP CXポータル利用規約（第" + next + "版）");
		setValue(this.operator, "effectiveFrom", effectiveFrom);
		WebElement body = this.operator.find("#body");
		body.sendKeys("\n\n第20条（ブラウザテスト）\nこの条はブラウザテストで追加されました。\n");
		this.operator.type("changeSummary", "第20条を追加しました。");
		this.operator.click("#terms-preview").screenshot("terms-preview");
		assertThat(this.operator.text("#preview")).contains("+第20条（ブラウザテスト）");
		this.operator.click("#terms-publish").screenshot("terms-published");
		assertThat(this.operator.text("#done")).contains("公開しました");

		await("the terms-change notice in the partner's inbox").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.partner.open("/partner/inbox").page().contains(next));
		this.partner.screenshot("inbox-terms-change");
		// The notice links to the full text of the new version, a page of the console.
		String link = RunningStack.GATEWAY + "/terms/versions/" + next;
		assertThat(this.partner.page()).contains(link);
		this.partner.open(link).screenshot("terms-version-from-notice");
		assertThat(this.partner.text("#terms-version")).isEqualTo(next);
		assertThat(this.partner.page()).contains("第20条（ブラウザテスト）");
		this.partner.open("/partner/terms").screenshot("terms-to-accept");
		this.partner.click("#accept-" + next.replace(".", "\\.")).screenshot("terms-accepted");
		assertThat(this.partner.text("#done")).contains("同意を記録しました");
		assertThat(this.partner.text("#acceptances")).contains(next).contains("明示の同意");
	}

	@Test
	@Order(8)
	void everyPartnerPageWorksInJapaneseAndEnglish() {
		for (String language : List.of("ja", "en")) {
			this.partner.open("/partner?lang=" + language);
			for (String page : PARTNER_PAGES) {
				assertPageWorks(this.partner, page, language);
			}
		}
		this.partner.open("/partner?lang=ja");

		String memberEmail = "member-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		this.partner.open("/partner/members")
			.type("email", memberEmail)
			.type("name", "鈴木 一郎")
			.click("#member-form button[type=submit]")
			.screenshot("member-added");
		assertThat(this.partner.has("#problem")).isFalse();
		assertThat(this.partner.has("#member-created")).isTrue();
		assertThat(this.partner.text("#members")).contains(memberEmail);

		this.partner.open("/partner/webhook")
			.type("url", "https://93.184.215.14/cx-browser")
			.click("#webhook-form button[type=submit]")
			.screenshot("webhook-registered");
		assertThat(this.partner.has("#problem")).isFalse();
		assertThat(this.partner.text("#webhook-secret")).as("the signing secret, shown once").isNotBlank();
		this.partner.open("/partner/webhook");
		assertThat(this.partner.has("#webhook-secret")).as("the secret on a later visit").isFalse();
		assertThat(this.partner.page()).contains("https://93.184.215.14/cx-browser");

		this.partner.open("/partner/termination");
		assertThat(this.partner.text("#termination-earliest")).isNotBlank();
		this.partner.open("/partner/backup");
		assertThat(this.partner.find("#export-download").getAttribute("href")).endsWith("/partner/export");
		Object download = this.partner.driver()
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "fetch('/partner/export').then((r) => r.text().then((t) => done(r.status + ' '"
					+ " + r.headers.get('content-disposition') + ' ' + t)));");
		assertThat(download.toString()).as("the backup file").startsWith("200 attachment").contains(this.partnerId);
		this.partner.open("/partner/cases");
		assertThat(this.partner.text("#cases")).as("the partner's own case").isNotBlank();
		this.partner.open("/partner/audit");
		assertThat(this.partner.text("#audit")).as("the partner's own audit trail").isNotBlank();
	}

	@Test
	@Order(9)
	void everyOperatorPageWorksInJapaneseAndEnglish() {
		List<String> pages = new ArrayList<>(OPERATOR_PAGES);
		pages.addAll(List.of("/operator/partners/" + this.partnerId, "/operator/cases/" + this.caseId,
				"/operator/deliveries?partnerId=" + this.partnerId, "/operator/credentials?loginId=" + this.loginId,
				"/operator/audit?partnerId=" + this.partnerId));
		for (String language : List.of("ja", "en")) {
			this.operator.open("/operator?lang=" + language);
			for (String page : pages) {
				assertPageWorks(this.operator, page, language);
			}
		}
		this.operator.open("/operator?lang=ja");
		this.operator.open("/operator/deliveries?partnerId=" + this.partnerId);
		assertThat(this.operator.text("#deliveries")).as("proof of the notices sent to the partner").isNotBlank();
		this.operator.open("/operator/audit?partnerId=" + this.partnerId);
		assertThat(this.operator.text("#audit")).as("the approval and the measure in the trail").isNotBlank();
		assertThat(this.operator.text("#verification-intact")).as("the tamper check, in words").contains("改ざんは見つかりませんでした");
	}

	@Test
	@Order(10)
	void theConsoleSpeaksEnglishOnRequest() {
		this.partner.open("/partner?lang=en").screenshot("home-english");
		assertThat(this.partner.page()).contains("Standing").contains("Inbox").doesNotContain("利用状況");
		this.partner.open("/partner/inbox");
		assertThat(this.partner.page()).contains("Unread notices");
		this.partner.open("/partner?lang=ja");
		assertThat(this.partner.page()).contains("利用状況");
	}

	@Test
	@Order(11)
	void aSecondFactorIsEnrolledAndThenAsked() throws Exception {
		this.partner.open("/account").click("#mfa-enrol button[type=submit]").screenshot("mfa-enrol");
		String secret = this.partner.text("#mfa-secret").replace(" ", "");
		assertThat(this.partner.text("#mfa-uri")).startsWith("otpauth://totp/");
		this.partner.type("code", totp(secret, 0)).click("#mfa-confirm button[type=submit]").screenshot("mfa-confirmed");
		List<String> recoveryCodes = this.partner.all("#recovery-codes li").stream().map(WebElement::getText).toList();
		assertThat(recoveryCodes).as("recovery codes, shown once").hasSize(10);

		this.partner.click("#signout");
		signIn(this.partner, this.loginId, this.password);
		this.partner.screenshot("mfa-asked");
		assertThat(this.partner.has("#mfa-form")).as("the password alone is not enough").isTrue();
		this.partner.type("code", "000000").click("#mfa-submit").screenshot("mfa-wrong-code");
		assertThat(this.partner.has("#problem")).isTrue();
		// The confirmation spent this time step's code; the next step's is within the allowed drift.
		this.partner.type("code", totp(secret, 1)).click("#mfa-submit").screenshot("mfa-signed-in");
		assertThat(this.partner.path()).isEqualTo("/partner");

		this.partner.open("/account").type("removal-code", recoveryCodes.get(0)).click("#mfa-remove button[type=submit]");
		this.partner.screenshot("mfa-removed");
		assertThat(this.partner.has("#done")).isTrue();
	}

	@Test
	@Order(12)
	void aLostIdReportSignsTheReporterOutEverywhere() {
		try (Browser phone = new Browser("partner-phone", "en", 360, 800)) {
			signIn(phone, this.loginId, this.password);
			phone.screenshot("home-360px");
			assertThat(phone.path()).isEqualTo("/partner");
			assertThat(phone.page()).contains("Standing");

			this.partner.open("/partner/incident").screenshot("incident-form");
			this.partner.select("type", "LOST").type("detail", "ブラウザテスト: 端末を紛失しました。").click("#incident-submit");
			this.partner.screenshot("incident-reported");
			assertThat(this.partner.path()).isEqualTo("/signin");
			assertThat(this.partner.has("#reported")).isTrue();

			await("the other session ended").atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> phone.open("/partner/inbox").has("#session-ended"));
			phone.screenshot("other-session-ended");

			signIn(phone, this.loginId, this.password);
			phone.screenshot("sign-in-refused");
			assertThat(phone.path()).isEqualTo("/signin");
			assertThat(phone.has("#problem")).isTrue();
			assertThat(phone.consoleErrors()).as("the phone's browser console").isEmpty();
		}
	}

	@Test
	@Order(13)
	void swaggerUiListsEveryDocumentAndTriesTheCurrentTerms() {
		try (Browser docs = new Browser("swagger-ui", "en", 1280, 1000)) {
			docs.open("/swagger-ui/");
			WebDriverWait wait = new WebDriverWait(docs.driver(), Duration.ofSeconds(30));
			wait.until((driver) -> docs.all("select#select option").size() == 6);
			assertThat(docs.all("select#select option")).extracting(WebElement::getText)
				.containsExactlyInAnyOrder("enforcement", "gateway", "identity", "notification", "registration", "terms");
			By current = By.cssSelector(".opblock-summary-path[data-path='/api/v1/terms/current']");
			wait.until(ExpectedConditions.elementToBeClickable(current)).click();
			wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock.is-open .try-out__btn"))).click();
			wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock.is-open button.execute"))).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(
					By.cssSelector(".opblock.is-open .live-responses-table tbody .response-col_status"), "200"));
			docs.screenshot("try-it-out-current-terms");
			assertThat(docs.text(".opblock.is-open .live-responses-table tbody .response-col_description")).contains("version");
		}
	}

	/** The code an authenticator app shows {@code offset} time steps from now (RFC 6238, 30 s). */
	private static String totp(String secret, int offset) throws Exception {
		return new DefaultCodeGenerator().generate(secret, Instant.now().getEpochSecond() / 30 + offset);
	}

	/** A valid corporate number not used before, so the journey also runs on a used stack. */
	private static String corporateNumber() {
		String base = String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
		return CorporateNumberCheckDigit.of(base) + base;
	}

	/** The page answers with its own heading, not with a refusal or the unavailable page. */
	private static void assertPageWorks(Browser browser, String page, String language) {
		browser.open(page).screenshot(language + page.replaceAll("[^a-z0-9]+", "-"));
		assertThat(browser.path()).as(page + " stays on its page").isEqualTo(page.replaceAll("\\?.*", ""));
		assertThat(browser.has("#problem")).as(page + " refused: " + browser.page()).isFalse();
		assertThat(browser.has("#unavailable")).as(page + " unavailable").isFalse();
		assertThat(browser.find("h1").getText()).as(page + " has its heading").isNotBlank();
		assertThat(browser.find("html").getAttribute("lang")).as(page + " in " + language).isEqualTo(language);
	}

	private static void signIn(Browser browser, String loginId, String password) {
		browser.open("/signin").type("loginId", loginId).type("password", password).click("#signin-submit");
	}

	/** A date-time field's value as the browser stores it (typing into one depends on the locale). */
	private static void setValue(Browser browser, String id, String value) {
		browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
	}

}
