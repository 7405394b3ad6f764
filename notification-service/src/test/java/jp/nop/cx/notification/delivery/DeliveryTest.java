package jp.nop.cx.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import jp.nop.cx.notification.policy.Audience;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.notification.policy.NoticeRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DeliveryTest {

	private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

	private static final RetrySchedule SVIX = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(5),
			Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
			Duration.ofHours(10)));

	private final Recipient partner = new Recipient(Audience.PARTNER_CONTACT, "partner:p-1", "p-1", "tanaka@example.co.jp",
			"ja", "田中 太郎", "株式会社テスト");

	@Test
	void aNewNoticeIsDueImmediately() {
		Delivery delivery = warning(Channel.WEBHOOK);
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(delivery.nextAttemptAt()).isEqualTo(T0);
		assertThat(delivery.attempts()).isZero();
	}

	@Test
	void failedAttemptsFollowTheSvixScheduleAndTheEighthFailureIsFinal() {
		Delivery delivery = warning(Channel.WEBHOOK);
		Instant now = T0;
		List<Duration> expectedWaits = SVIX.delays().subList(1, 8);
		for (Duration wait : expectedWaits) {
			delivery.recordFailure(now, "HTTP 500", null, SVIX);
			assertThat(delivery.nextAttemptAt()).isEqualTo(now.plus(wait));
			now = delivery.nextAttemptAt();
		}
		delivery.recordFailure(now, "HTTP 500", null, SVIX);
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(delivery.attempts()).isEqualTo(8);
		assertThat(delivery.nextAttemptAt()).isNull();
	}

	@Test
	void aLongerRetryAfterPostponesTheNextAttemptAndAShorterOneDoesNotHurry() {
		Delivery delivery = warning(Channel.WEBHOOK);
		delivery.recordFailure(T0, "HTTP 503", Duration.ofSeconds(120), SVIX);
		assertThat(delivery.nextAttemptAt()).isEqualTo(T0.plusSeconds(120));
		delivery.recordFailure(T0.plusSeconds(120), "HTTP 429", Duration.ofSeconds(1), SVIX);
		assertThat(delivery.nextAttemptAt()).isEqualTo(T0.plusSeconds(120).plus(Duration.ofMinutes(5)));
	}

	@Test
	void anOpenCircuitPostponesWithoutCountingAnAttempt() {
		Delivery delivery = warning(Channel.EMAIL);
		delivery.postpone(T0, T0.plusSeconds(30), "SMTP circuit open");
		assertThat(delivery.attempts()).isZero();
		assertThat(delivery.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
	}

	@Test
	void aSentNoticeRecordsWhereItWentAndIsNeverSentAgain() {
		Delivery delivery = warning(Channel.EMAIL);
		delivery.recordSent(T0, "tanaka@example.co.jp", "【NOP CXポータル】警告のお知らせ");
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
		assertThat(delivery.sentAt()).isEqualTo(T0);
		assertThat(delivery.attemptLog()).extracting(Attempt::outcome).containsExactly("SENT");
		assertThatIllegalStateException().isThrownBy(() -> delivery.recordSent(T0, "x@example.com", "again"));
	}

	@Test
	void aGoneEndpointDisablesTheDelivery() {
		Delivery delivery = warning(Channel.WEBHOOK);
		delivery.disable(T0, "410 Gone: webhook endpoint disabled");
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.DISABLED);
		assertThat(delivery.nextAttemptAt()).isNull();
	}

	@Test
	void onlyTheRuleChannelsCanBeUsed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Delivery.pending("e-1", NoticeRule.ACTIVATION, this.partner, Channel.WEBHOOK, T0, SVIX));
	}

	@Test
	void theAttemptLogKeepsTheLatestAttempts() {
		RetrySchedule many = new RetrySchedule(Collections.nCopies(40, Duration.ofSeconds(1)));
		Delivery delivery = warning(Channel.WEBHOOK);
		for (int i = 0; i < 30; i++) {
			delivery.recordFailure(T0.plusSeconds(i), "HTTP 500 #" + i, null, many);
		}
		assertThat(delivery.attempts()).isEqualTo(30);
		assertThat(delivery.attemptLog()).hasSize(Delivery.KEPT_ATTEMPTS);
		assertThat(delivery.attemptLog().get(Delivery.KEPT_ATTEMPTS - 1).detail()).isEqualTo("HTTP 500 #29");
	}

	private Delivery warning(Channel channel) {
		return Delivery.pending("e-1", NoticeRule.WARNING, this.partner, channel, T0, SVIX);
	}
}
