package jp.nop.cx.gateway.problem;

import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Problems for what is refused before routing: the request line and header limits, unsupported
 * methods, and the HTTP decoder's own refusals.
 */
@Configuration(proxyBeanMethods = false)
class EdgeProblemsConfiguration {

	@Bean
	RequestLimitsFilter requestLimitsFilter(RequestLimitsProperties limits, ProblemResponses problems) {
		return new RequestLimitsFilter(limits, problems);
	}

	@Bean
	UnsupportedMethodFilter unsupportedMethodFilter(ProblemResponses problems) {
		return new UnsupportedMethodFilter(problems);
	}

	@Bean
	NettyServerCustomizer decoderFailureProblems(ProblemResponses problems) {
		return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline()
					.addAfter(NettyPipeline.HttpCodec, DecoderFailureProblems.NAME, new DecoderFailureProblems(problems));
			}
		});
	}
}
