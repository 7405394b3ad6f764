package jp.nop.cx.test.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jp.nop.cx.platform.scheduling.SchedulerLockAutoConfiguration;
import jp.nop.cx.test.InfrastructureCondition;
import jp.nop.cx.test.SharedInfrastructure;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled jobs run on one instance at a time: ShedLock's MongoDB provider on the Mongo-wire
 * store, two instances contending, a dead instance's lease taken over once it expired, and the
 * platform's auto-configuration making {@code @SchedulerLock} work with this Spring version.
 */
@ExtendWith(InfrastructureCondition.class)
class SchedulerLockIT {

	private static MongoClient client;

	private static MongoTemplate mongo;

	@BeforeAll
	static void connect() {
		client = MongoClients.create(SharedInfrastructure.get().mongoUri("scheduler-locks"));
		mongo = new MongoTemplate(client, "scheduler-locks");
	}

	@AfterAll
	static void close() {
		client.close();
	}

	@Test
	void oneInstanceAtATimeRunsAJob() throws Throwable {
		LockingTaskExecutor one = instance();
		LockingTaskExecutor other = instance();
		LockConfiguration job = lease("job-" + UUID.randomUUID());
		boolean[] otherRan = new boolean[1];
		// The other instance runs in a thread of its own: ShedLock lets the holding thread re-enter.
		boolean ran = one.executeWithLock(() -> {
			otherRan[0] = elsewhere(() -> other.executeWithLock(() -> "ran", lease(job.getName())).wasExecuted());
			return "ran";
		}, job).wasExecuted();
		assertThat(ran).isTrue();
		assertThat(otherRan[0]).as("the other instance while the lease is held").isFalse();
		assertThat(other.executeWithLock(() -> "ran", lease(job.getName())).wasExecuted())
			.as("the other instance once the lease is released")
			.isTrue();
	}

	@Test
	void aDeadInstancesLeaseIsTakenOverOnlyOnceItExpired() throws Throwable {
		Instant now = ClockProvider.now();
		String held = "job-" + UUID.randomUUID();
		String expired = "job-" + UUID.randomUUID();
		mongo.insert(lockOf(held, now.plusSeconds(60)), SchedulerLockAutoConfiguration.COLLECTION);
		mongo.insert(lockOf(expired, now.minusSeconds(1)), SchedulerLockAutoConfiguration.COLLECTION);
		LockingTaskExecutor late = instance();
		assertThat(late.executeWithLock(() -> "ran", lease(held)).wasExecuted()).isFalse();
		assertThat(late.executeWithLock(() -> "ran", lease(expired)).wasExecuted()).isTrue();
	}

	@Test
	void theAutoConfigurationLocksSchedulerLockMethods() {
		mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(Job.NAME)),
				SchedulerLockAutoConfiguration.COLLECTION);
		new ApplicationContextRunner().withUserConfiguration(Job.class)
			.withConfiguration(AutoConfigurations.of(SchedulerLockAutoConfiguration.class))
			.run((context) -> {
				Job job = context.getBean(Job.class);
				job.run();
				assertThat(job.runs()).as("free lease").isEqualTo(1);
				boolean ran = instance().executeWithLock(() -> {
					elsewhere(() -> {
						job.run();
						return true;
					});
					return "held";
				}, lease(Job.NAME)).wasExecuted();
				assertThat(ran).isTrue();
				assertThat(job.runs()).as("while another instance holds the lease").isEqualTo(1);
			});
	}

	private static <T> T elsewhere(LockingTaskExecutor.TaskWithResult<T> task) {
		return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
			try {
				return task.call();
			}
			catch (Throwable ex) {
				throw new IllegalStateException(ex);
			}
		}).join();
	}

	private static LockingTaskExecutor instance() {
		return new DefaultLockingTaskExecutor(
				new MongoLockProvider(mongo.getCollection(SchedulerLockAutoConfiguration.COLLECTION)));
	}

	private static LockConfiguration lease(String name) {
		return new LockConfiguration(ClockProvider.now(), name, Duration.ofMinutes(1), Duration.ZERO);
	}

	private static Document lockOf(String name, Instant until) {
		return new Document("_id", name).append("lockUntil", Date.from(until))
			.append("lockedAt", Date.from(until.minusSeconds(120)))
			.append("lockedBy", "dead-instance");
	}

	@Configuration(proxyBeanMethods = false)
	static class Job {

		static final String NAME = "auto-configured-job";

		final AtomicInteger runs = new AtomicInteger();

		@Bean
		MongoTemplate mongoTemplate() {
			return mongo;
		}

		@SchedulerLock(name = NAME, lockAtMostFor = "1m")
		public void run() {
			this.runs.incrementAndGet();
		}

		// Read through a method: the bean is ShedLock's proxy, whose own fields are unset.
		public int runs() {
			return this.runs.get();
		}

	}

}
