package jp.nop.cx.test.outbox.consumer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

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

	@Bean
	Consumer<Message<byte[]>> onPartnerWarned(EventConsumers consumers) {
		return consumers.idempotent("test-consumer", PartnerWarned.class, HANDLED::add);
	}
}
