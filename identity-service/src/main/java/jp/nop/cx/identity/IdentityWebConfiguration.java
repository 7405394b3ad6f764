package jp.nop.cx.identity;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** The language of messages the service composes itself. (Who may call what: {@link SecurityConfiguration}.) */
@Configuration(proxyBeanMethods = false)
class IdentityWebConfiguration {

	/** Japanese unless the request prefers English, as the platform's problem details are. */
	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setSupportedLocales(List.of(Locale.JAPANESE, Locale.ENGLISH));
		resolver.setDefaultLocale(Locale.JAPANESE);
		return resolver;
	}
}
