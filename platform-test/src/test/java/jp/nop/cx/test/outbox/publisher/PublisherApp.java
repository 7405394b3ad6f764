package jp.nop.cx.test.outbox.publisher;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PublisherApp {
}
