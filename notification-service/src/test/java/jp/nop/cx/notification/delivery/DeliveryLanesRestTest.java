package jp.nop.cx.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.mongodb.bulk.BulkWriteResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.nop.cx.notification.notice.NoticeEvents;
import jp.nop.cx.notification.partner.PartnerDirectory;
import jp.nop.cx.notification.policy.Audience;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.notification.policy.NoticeRule;
import jp.nop.cx.notification.system.NotificationProperties;
import jp.nop.cx.notification.template.NoticeRenderer;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

/**
 * An idle lane rests instead of scanning the deliveries every poll, but a delivery this instance
 * records wakes it at its next tick, not after the rest. The rest here is 5 s, as in ./cx up; the
 * ticks are called directly, so the test takes milliseconds.
 */
class DeliveryLanesRestTest {

	private static final Duration REST = Duration.ofSeconds(5);

	private final MongoTemplate store = mock(MongoTemplate.class);

	private final Deliveries deliveries = new Deliveries(this.store);

	private DeliveryLanes lanes;

	@BeforeEach
	void lanes() {
		when(this.store.find(any(Query.class), eq(Delivery.class))).thenReturn(List.of());
		BulkOperations bulk = mock(BulkOperations.class);
		BulkWriteResult inserted = mock(BulkWriteResult.class);
		when(inserted.getInsertedCount()).thenReturn(1);
		when(bulk.insert(anyList())).thenReturn(bulk);
		when(bulk.execute()).thenReturn(inserted);
		when(this.store.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class)).thenReturn(bulk);

		// This instance always gets the lane's lock.
		LockingTaskExecutor locks = new DefaultLockingTaskExecutor((lock) -> Optional.of(() -> {
		}));
		ChannelSender inbox = mock(ChannelSender.class);
		when(inbox.channel()).thenReturn(Channel.INBOX);
		NotificationProperties properties = mock(NotificationProperties.class);
		when(properties.delivery()).thenReturn(new NotificationProperties.Dispatch(REST, List.of(Duration.ZERO), 1000,
				Duration.ofSeconds(20), Duration.ofMinutes(2), Duration.ofHours(24), REST));
		this.lanes = new DeliveryLanes(this.deliveries, mock(NoticeEvents.class), mock(PartnerDirectory.class),
				mock(NoticeRenderer.class), List.of(inbox), locks, Clock.systemUTC(), properties,
				new RetrySchedule(List.of(Duration.ZERO)), new SimpleMeterRegistry());
	}

	@Test
	void aLaneThatFoundNothingDueDoesNotLookAgainWhileItRests() {
		this.lanes.inboxLane();
		this.lanes.inboxLane();
		this.lanes.inboxLane();

		assertThat(looks()).isEqualTo(1);
	}

	@Test
	void aDeliveryThisInstanceRecordsWakesTheRestingLaneAtItsNextTick() {
		this.lanes.inboxLane();
		this.lanes.inboxLane();
		assertThat(looks()).isEqualTo(1);

		this.deliveries.insertNew(List.of(Delivery.pending("e-1", NoticeRule.WARNING, new Recipient(
				Audience.PARTNER_CONTACT, "partner:p-1", "p-1", "tanaka@example.co.jp", "ja", "田中 太郎", "株式会社テスト"),
				Channel.INBOX, Instant.now(), new RetrySchedule(List.of(Duration.ZERO)))));
		this.lanes.inboxLane();

		assertThat(looks()).isEqualTo(2);
		// Still nothing due (the store here has none): it rests again.
		this.lanes.inboxLane();
		assertThat(looks()).isEqualTo(2);
	}

	/** How often a lane asked the store for due deliveries. */
	private long looks() {
		return mockingDetails(this.store).getInvocations()
			.stream()
			.filter((call) -> call.getMethod().getName().equals("find"))
			.count();
	}
}
