package jp.nop.cx.platform.security;

import jp.nop.cx.platform.web.ProblemException;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take a {@link CxPrincipal} parameter. */
public class CxPrincipalArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CxPrincipal.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		CxPrincipal principal = CxPrincipal.of(SecurityContextHolder.getContext().getAuthentication());
		if (principal == null) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated");
		}
		return principal;
	}
}
