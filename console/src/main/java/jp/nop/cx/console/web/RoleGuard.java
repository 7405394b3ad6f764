package jp.nop.cx.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.nop.cx.console.session.ConsoleSession;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Partner pages for partner IDs, operator pages for operators; anyone else goes to sign-in.
 * Only a convenience: the API decides what each token may do, and refuses the rest.
 */
class RoleGuard implements HandlerInterceptor {

	private final ConsoleSession session;

	RoleGuard(ConsoleSession session) {
		this.session = session;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean allowed = path.startsWith("/operator") ? this.session.isOperator()
				: path.startsWith("/account") ? this.session.isSignedIn() : this.session.isPartner();
		if (!allowed) {
			response.sendRedirect(request.getContextPath() + "/signin");
		}
		return allowed;
	}

}
