package jp.nop.cx.platform.scheduling;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One instance at a time for a scheduled job when several are deployed: ShedLock with its MongoDB
 * provider, leases in the service's own database (collection {@value #COLLECTION}). A job method
 * carries {@code @Scheduled} and {@code @SchedulerLock(name = ..., lockAtMostFor = ...)}; where the
 * lock's name depends on an argument, code runs it through the {@link LockingTaskExecutor} bean.
 * A lease expires by itself ({@code lockAtMostFor}) if its holder dies.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass({ MongoTemplate.class, MongoLockProvider.class })
@ConditionalOnBean(MongoTemplate.class)
@EnableSchedulerLock(defaultLockAtMostFor = "10m")
public class SchedulerLockAutoConfiguration {

	/** ShedLock's default name; a new collection, as its documents differ from the old job_locks'. */
	public static final String COLLECTION = "shedLock";

	@Bean
	@ConditionalOnMissingBean
	LockProvider lockProvider(MongoTemplate mongo) {
		return new MongoLockProvider(mongo.getCollection(COLLECTION));
	}

	@Bean
	@ConditionalOnMissingBean
	LockingTaskExecutor lockingTaskExecutor(LockProvider locks) {
		return new DefaultLockingTaskExecutor(locks);
	}

}
