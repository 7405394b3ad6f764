package jp.nop.cx.notification.inbox;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jp.nop.cx.platform.security.CxPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The partner's in-portal inbox. */
@RestController
@RequestMapping("/api/v1/notifications")
@Validated
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	@Operation(summary = "The caller's inbox / 受信箱")
	@GetMapping("/me")
	InboxResponse mine(CxPrincipal principal, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		Inbox.InboxPage result = this.inbox.of(principal.requirePartnerId(), page, size);
		return new InboxResponse(result.items().stream().map(Notice::of).toList(), result.unread(), result.total(),
				result.page(), result.size());
	}

	@Operation(summary = "Mark a notice read / 通知を既読にする",
			responses = @ApiResponse(responseCode = "204", description = "No Content"))
	@PostMapping("/{id}/read")
	ResponseEntity<Void> read(CxPrincipal principal, @PathVariable String id) {
		this.inbox.markRead(principal.requirePartnerId(), id, principal.loginId());
		return ResponseEntity.noContent().build();
	}

	record InboxResponse(List<Notice> items, long unread, long total, int page, int size) {
	}

	record Notice(String id, String eventType, String subject, String body, String article, Instant createdAt,
			boolean read) {

		static Notice of(InboxItem item) {
			return new Notice(item.id(), item.eventType(), item.subject(), item.body(), item.article(),
					item.createdAt(), item.read());
		}
	}
}
