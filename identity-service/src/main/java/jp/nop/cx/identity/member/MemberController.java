package jp.nop.cx.identity.member;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.nop.cx.identity.credential.Credential;
import jp.nop.cx.identity.credential.CredentialView;
import jp.nop.cx.platform.security.CxPrincipal;
import jp.nop.cx.platform.validation.SingleLine;
import jp.nop.cx.platform.validation.Mailbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Art. 4.2: the member IDs of the caller's company (PARTNER_ADMIN only, see the security rules). */
@RestController
@RequestMapping("/api/v1/identity/members")
class MemberController {

	private final MemberService members;

	MemberController(MemberService members) {
		this.members = members;
	}

	@Operation(summary = "Create a member ID (Art. 4.2) / メンバーIDを作成する",
			responses = @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true))
	@PostMapping
	ResponseEntity<CredentialView> create(CxPrincipal principal, @Valid @RequestBody NewMember request) {
		Credential created = this.members.create(principal, request.email(), request.name(),
				request.preferredLanguage());
		return ResponseEntity.created(URI.create("/api/v1/identity/members/" + created.loginId()))
			.body(CredentialView.of(created));
	}

	@Operation(summary = "The partner's IDs / 自社のID一覧")
	@GetMapping
	Members list(CxPrincipal principal) {
		return new Members(this.members.list(principal).stream().map(CredentialView::of).toList());
	}

	@Operation(summary = "Delete a member ID / メンバーIDを削除する")
	@DeleteMapping("/{loginId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(CxPrincipal principal, @PathVariable String loginId) {
		this.members.delete(principal, loginId);
	}

	record NewMember(@NotBlank @Mailbox String email, @Size(max = 100) @SingleLine String name,
			@Pattern(regexp = "ja|en") String preferredLanguage) {
	}

	record Members(List<CredentialView> items) {
	}
}
