package jp.nop.cx.console.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Where the console keeps its sessions, decided once before the context starts. With
 * {@code spring.data.redis.url} ({@code CX_REDIS_URL}) in Redis through Spring Session, so that
 * several consoles behind the gateway share them ({@link SharedSessions}); without it in this
 * instance's memory, as the servlet container keeps them, with no Redis client configured at all
 * ({@code ./cx up} needs only a JDK). Spring Boot would otherwise configure a Redis connection to
 * localhost whenever the Redis jars are present, and Spring Session on top of it.
 */
public class SessionStore implements EnvironmentPostProcessor {

	/** {@code redis} or {@code memory}: what this decided, for {@link SharedSessions} and the logs. */
	public static final String PROPERTY = "cx.console.session-store";

	static final List<Class<?>> REDIS_AUTO_CONFIGURATIONS = List.of(DataRedisAutoConfiguration.class,
			DataRedisReactiveAutoConfiguration.class, DataRedisRepositoriesAutoConfiguration.class,
			DataRedisHealthContributorAutoConfiguration.class, DataRedisReactiveHealthContributorAutoConfiguration.class,
			LettuceObservationAutoConfiguration.class, SessionDataRedisAutoConfiguration.class,
			SessionAutoConfiguration.class);

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean shared = StringUtils.hasText(environment.getProperty("spring.data.redis.url"));
		Map<String, Object> decided = new HashMap<>();
		decided.put(PROPERTY, shared ? "redis" : "memory");
		if (!shared) {
			decided.put("spring.autoconfigure.exclude",
					String.join(",", REDIS_AUTO_CONFIGURATIONS.stream().map(Class::getName).toList()));
		}
		environment.getPropertySources().addLast(new MapPropertySource("cxConsoleSessionStore", decided));
	}

}
