package jp.nop.cx.test.outbox.consumer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jp.nop.cx.events.PartnerWarned;
import jp.nop.cx.platform.messaging.EventConsumers;
import jp.nop.cx.platform.messaging.InboundEvent;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/** A stand-in consuming service: records every warning its handler actually processes. */
@SpringBootApplication
public class ConsumerApp {

	public static final List<InboundEvent<PartnerWarned>> HANDLED = new CopyOnWriteArrayList<>();

	/** The trace each handled event was processed in, by {@code ce_id}. */
	public static final Map<String, String> TRACE_IDS = new ConcurrentHashMap<>();

	@Bean
	Consumer<Message<byte[]>> onPartnerWarned(EventConsumers consumers, Tracer tracer) {
		return consumers.idempotent("test-consumer", PartnerWarned.class, (event) -> {
			Span span = tracer.currentSpan();
			if (span != null && event.id() != null) {
				TRACE_IDS.put(event.id(), span.context().traceId());
			}
			HANDLED.add(event);
		});
	}
}
