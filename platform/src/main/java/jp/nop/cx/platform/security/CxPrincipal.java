package jp.nop.cx.platform.security;

import java.util.List;

import jp.nop.cx.platform.web.ProblemException;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, from the verified token: the login ID ({@code sub}), the partner it acts for
 * (Art. 4.2: acts by a partner's ID are the partner's own) and its roles.
 */
public record CxPrincipal(String loginId, String partnerId, List<String> roles, String tokenValue) {

	public static CxPrincipal of(Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken token) {
			Jwt jwt = token.getToken();
			List<String> roles = jwt.getClaimAsStringList("roles");
			return new CxPrincipal(jwt.getSubject(), jwt.getClaimAsString("partner_id"),
					(roles != null) ? List.copyOf(roles) : List.of(), jwt.getTokenValue());
		}
		return null;
	}

	public boolean isOperator() {
		return this.roles.contains(Roles.OPERATOR);
	}

	public boolean isPartnerAdmin() {
		return this.roles.contains(Roles.PARTNER_ADMIN);
	}

	public boolean isPartner() {
		return this.partnerId != null
				&& (this.roles.contains(Roles.PARTNER_ADMIN) || this.roles.contains(Roles.PARTNER_MEMBER));
	}

	/** The caller's partner ID; 403 for a caller that does not act for a partner. */
	public String requirePartnerId() {
		if (!isPartner()) {
			throw ProblemException.forbidden();
		}
		return this.partnerId;
	}

	/** Tenant isolation: 404 (not 403, so IDs of others are not confirmed) unless it is the caller's own partner or an operator. */
	public void requireAccessTo(String partnerId) {
		if (isOperator()) {
			return;
		}
		if (this.partnerId == null || !this.partnerId.equals(partnerId)) {
			throw ProblemException.notFound("partner");
		}
	}

	public void requireOperator() {
		if (!isOperator()) {
			throw ProblemException.forbidden();
		}
	}

	public void requirePartnerAdmin() {
		if (!isPartnerAdmin()) {
			throw ProblemException.forbidden();
		}
	}
}
