package jp.nop.cx.notification.delivery;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jp.nop.cx.events.EventType;
import jp.nop.cx.notification.policy.Channel;
import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.platform.security.CxPrincipal;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Proof of notice for operators: every delivery, filtered by partner, event type, status, channel. */
@RestController
@RequestMapping("/api/v1/notifications/deliveries")
@Validated
class DeliveryController {

	private final Deliveries deliveries;

	DeliveryController(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@Operation(summary = "Proof of notice: deliveries across partners / 通知の配信記録")
	@GetMapping
	DeliveryPage list(CxPrincipal principal, @RequestParam(required = false) @Size(max = 200) String partnerId,
			@RequestParam(required = false) @Size(max = 100) String eventType,
			@RequestParam(required = false) DeliveryStatus status, @RequestParam(required = false) Channel channel,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		principal.requireOperator();
		if (eventType != null && EventType.ofTopic(eventType).isEmpty()) {
			throw new RuleViolation(RuleViolation.Kind.BAD_REQUEST, "invalid-parameter", "eventType");
		}
		Deliveries.DeliveryFilter filter = new Deliveries.DeliveryFilter(partnerId, eventType, status, channel);
		List<DeliveryView> items = this.deliveries.search(filter, page, size).stream().map(DeliveryView::of).toList();
		return new DeliveryPage(items, this.deliveries.count(filter), page, size);
	}

	record DeliveryPage(List<DeliveryView> items, long total, int page, int size) {
	}
}
