package jp.nop.cx.notification.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jp.nop.cx.events.CredentialCompromised;
import jp.nop.cx.events.EventType;
import jp.nop.cx.events.PartnerTerminationScheduled;
import jp.nop.cx.events.ServiceStatusChanged;
import jp.nop.cx.events.TermsChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeRuleTest {

	private static final Instant NOW = Instant.parse("2026-11-27T01:00:00Z");

	@Test
	void everyTopicOfTheCatalogueHasARowThatSaysNoticeOrSilence() {
		for (EventType type : EventType.values()) {
			assertThat(Arrays.stream(NoticeRule.values()).filter((r) -> r.eventType() == type))
				.as("rows for %s", type.topic())
				.isNotEmpty();
		}
	}

	@Test
	void everyRowCitesTheArticleItServesAndEveryNoticeHasATemplateInBothLanguages() {
		for (NoticeRule rule : NoticeRule.values()) {
			assertThat(rule.article()).as(rule.name()).startsWith("Art. ");
			assertThat(rule.purpose()).as(rule.name()).isNotBlank();
			if (rule.notifies()) {
				assertThat(rule.channels()).as(rule.name()).isNotEmpty();
				for (String language : List.of("ja", "en")) {
					assertThat(new ClassPathResource("templates/notices/" + language + "/" + rule.template() + ".mustache"))
						.as("%s template in %s", rule, language)
						.matches(ClassPathResource::exists);
				}
			}
			else {
				assertThat(rule.channels()).as(rule.name()).isEmpty();
				assertThat(rule.purpose()).as(rule.name()).startsWith("No notice");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "INTERRUPTION", "MAINTENANCE", "RESTRICTION" })
	void interruptionsMaintenanceAndRestrictionsAreNotNotified(String kind) {
		// Art. 8.2, 10.2: NOP gives no notice; Art. 11.3: none required.
		assertThat(NoticeRule.noticesFor(EventType.SERVICE_STATUS_CHANGED, status(kind, false, "SCHEDULED"))).isEmpty();
		assertThat(NoticeRule.matching(EventType.SERVICE_STATUS_CHANGED, status(kind, false, "SCHEDULED")))
			.singleElement()
			.extracting(NoticeRule::notifies)
			.isEqualTo(false);
	}

	@Test
	void aDiscontinuationIsNotifiedToEveryActivePartnerWithScopeAndTiming() {
		assertThat(NoticeRule.noticesFor(EventType.SERVICE_STATUS_CHANGED, status("DISCONTINUATION", false, "SCHEDULED")))
			.containsExactly(NoticeRule.DISCONTINUATION);
		assertThat(NoticeRule.DISCONTINUATION.audience()).isEqualTo(Audience.ALL_ACTIVE_PARTNERS);
		assertThat(NoticeRule.DISCONTINUATION.article()).isEqualTo("Art. 9.2");
	}

	@Test
	void anUrgentDiscontinuationNeedsNoNotice() {
		// Art. 9.2 proviso.
		assertThat(NoticeRule.noticesFor(EventType.SERVICE_STATUS_CHANGED, status("DISCONTINUATION", true, "SCHEDULED")))
			.isEmpty();
	}

	@Test
	void aTermsChangeGoesToEveryActivePartnerButNotTheSeedVersion() {
		assertThat(NoticeRule.noticesFor(EventType.TERMS_CHANGED, terms("BASE", null, "2")))
			.containsExactly(NoticeRule.TERMS_CHANGED);
		assertThat(NoticeRule.TERMS_CHANGED.audience()).isEqualTo(Audience.ALL_ACTIVE_PARTNERS);
		assertThat(NoticeRule.noticesFor(EventType.TERMS_CHANGED, terms("BASE", null, "1"))).isEmpty();
	}

	@Test
	void aSupplementIsNotifiedWithItsScopeEvenAsItsFirstVersion() {
		// Art. 1.2: supplementary terms form part of the terms, so Art. 16.2 covers them.
		assertThat(NoticeRule.noticesFor(EventType.TERMS_CHANGED, terms("SUPPLEMENT", "webhooks", "1")))
			.containsExactly(NoticeRule.SUPPLEMENT_CHANGED);
	}

	@Test
	void terminationByThePartnerIsConfirmedAndTerminationByNopIsNoticedInAdvance() {
		assertThat(NoticeRule.noticesFor(EventType.PARTNER_TERMINATION_SCHEDULED, termination("PARTNER", false)))
			.containsExactly(NoticeRule.TERMINATION_CONFIRMATION);
		assertThat(NoticeRule.noticesFor(EventType.PARTNER_TERMINATION_SCHEDULED, termination("OPERATOR", false)))
			.containsExactly(NoticeRule.TERMINATION_NOTICE);
		assertThat(NoticeRule.noticesFor(EventType.PARTNER_TERMINATION_SCHEDULED, termination("PARTNER", true)))
			.containsExactly(NoticeRule.TERMINATION_WITHDRAWN);
		assertThat(NoticeRule.TERMINATION_NOTICE.article()).isEqualTo("Art. 12.2");
	}

	@Test
	void aCompromisedCredentialAlertsTheOperatorAndConfirmsToThePartner() {
		CredentialCompromised report = new CredentialCompromised("p-1", "inc-1", "STOLEN", List.of("admin-p-1"),
				"admin-p-1", "ノートPCの盗難", NOW);
		assertThat(NoticeRule.noticesFor(EventType.CREDENTIAL_COMPROMISED, report))
			.extracting(NoticeRule::audience)
			.containsExactlyInAnyOrder(Audience.OPERATOR, Audience.PARTNER_CONTACT);
	}

	@Test
	void theActivationLinkGoesByMailOnly() {
		// It is a secret: the inbox and the webhook are read by the partner's other IDs and systems.
		assertThat(NoticeRule.ACTIVATION.channels()).containsExactly(Channel.EMAIL);
	}

	@Test
	void measuresReachThePartnerByEveryChannel() {
		for (NoticeRule rule : List.of(NoticeRule.WARNING, NoticeRule.SUSPENSION, NoticeRule.THROTTLE,
				NoticeRule.REINSTATEMENT)) {
			assertThat(rule.channels()).as(rule.name()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.INBOX, Channel.WEBHOOK);
		}
	}

	private static ServiceStatusChanged status(String kind, boolean urgent, String state) {
		return new ServiceStatusChanged("ss-1", kind, "FACILITY_WORKS", true, List.of(), NOW, null, urgent, state, NOW);
	}

	private static TermsChanged terms(String kind, String scope, String version) {
		return new TermsChanged(kind, scope, version, NOW, "NOP CXポータル利用規約", "第16条を明確化", "abc", "ja", NOW);
	}

	private static PartnerTerminationScheduled termination(String initiatedBy, boolean withdrawn) {
		return new PartnerTerminationScheduled("p-1", initiatedBy, LocalDate.of(2027, 1, 31), "事業の終了", withdrawn, NOW);
	}
}
