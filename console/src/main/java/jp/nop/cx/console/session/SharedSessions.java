package jp.nop.cx.console.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisSessionMapper;
import org.springframework.session.data.redis.RedisSessionRepository;

/**
 * Sessions shared in Redis when several consoles run ({@link SessionStore} decided {@code redis}):
 * Spring Boot's Spring Session auto-configuration does the rest (the {@code CX_SESSION} cookie from
 * {@code server.servlet.session.cookie.*}, the timeout from {@code server.servlet.session.timeout}).
 * Signing out or a refused token invalidates the session, which deletes it from Redis, so it ends
 * on every instance at once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = SessionStore.PROPERTY, havingValue = "redis")
class SharedSessions {

	private static final Logger log = LoggerFactory.getLogger(SharedSessions.class);

	/** The name Spring Session looks up for the serializer of every session value it writes. */
	@Bean
	RedisSerializer<Object> springSessionDefaultRedisSerializer(@Value("${cx.console.session-key:}") String key) {
		return new SealedSessionSerializer(SealedSessionSerializer.key(key, "CX_CONSOLE_SESSION_KEY"),
				SharedSessions.class.getClassLoader());
	}

	/**
	 * A session sealed under another key (the key was changed) or altered in Redis is no session:
	 * the repository deletes it and the browser gets a fresh one.
	 */
	@Bean
	SessionRepositoryCustomizer<RedisSessionRepository> unreadableSessionsEnd() {
		RedisSessionMapper mapper = new RedisSessionMapper();
		return (repository) -> repository.setRedisSessionMapper((id, values) -> {
			if (values.containsValue(SealedSessionSerializer.UNREADABLE)) {
				log.warn("A console session in Redis could not be opened with CX_CONSOLE_SESSION_KEY; it is ended");
				return null;
			}
			return mapper.apply(id, values);
		});
	}

}
