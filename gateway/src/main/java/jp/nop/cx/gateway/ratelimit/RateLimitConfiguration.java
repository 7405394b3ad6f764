package jp.nop.cx.gateway.ratelimit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One gateway alone limits in memory; with {@code CX_REDIS_URL} every instance shares Redis. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean(destroyMethod = "")
	Limiter limiter(RateLimits local, RateLimitProperties properties) {
		Limiter inMemory = Limiter.local(local);
		String redis = properties.redisUrl();
		return (redis == null || redis.isBlank()) ? inMemory : new RedisRateLimits(redis.trim(), inMemory);
	}

}
