package jp.nop.cx.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.nop.cx.platform.client.ClientAddressResolver;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take a {@link ClientInfo} parameter. */
public class ClientInfoArgumentResolver implements HandlerMethodArgumentResolver {

	private final ClientAddressResolver resolver;

	public ClientInfoArgumentResolver(ClientAddressResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == ClientInfo.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		return ClientInfo.of(webRequest.getNativeRequest(HttpServletRequest.class), this.resolver);
	}
}
