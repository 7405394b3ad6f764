package jp.nop.cx.enforcement.detection;

import java.util.function.Consumer;

import jp.nop.cx.enforcement.cases.CaseService;
import jp.nop.cx.enforcement.cases.Detection;
import jp.nop.cx.events.ExcessiveLoadDetected;
import jp.nop.cx.platform.messaging.EventConsumers;
import jp.nop.cx.platform.messaging.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Art. 7.1(3): the gateway's report of sustained excessive load becomes evidence on an AUTOMATED
 * case for an operator to decide on. It imposes nothing by itself: whether a measure follows is
 * NOP's judgement (Art. 7.2).
 */
@Configuration(proxyBeanMethods = false)
class ExcessiveLoadConsumer {

	private static final Logger log = LoggerFactory.getLogger(ExcessiveLoadConsumer.class);

	@Bean
	Consumer<Message<byte[]>> onExcessiveLoadDetected(EventConsumers consumers, CaseService cases) {
		return consumers.idempotent("onExcessiveLoadDetected", ExcessiveLoadDetected.class,
				(event) -> record(event, cases));
	}

	private static void record(InboundEvent<ExcessiveLoadDetected> event, CaseService cases) {
		ExcessiveLoadDetected load = event.payload();
		if (load.partnerId() == null || load.partnerId().isBlank()) {
			// Anonymous traffic from one address: rate limiting is the gateway's answer, there is no
			// partner to open a case against.
			log.info("Excessive anonymous load reported by event {}: no partner, no case", event.id());
			return;
		}
		cases.recordDetection(load.partnerId(), new Detection(event.id(), load.clientIp(), load.windowStart(),
				load.windowEnd(), load.rejectedRequests(), load.limitPerSecond(), load.detectedAt()));
	}
}
