package jp.nop.cx.console;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the console promises the browser, on pages that need no API answer: a policy that
 * allows no inline script, CSRF tokens on every form, partner and operator pages only after
 * sign-in, Japanese by default and English on request.
 */
@SpringBootTest(properties = "cx.console.gateway-url=http://127.0.0.1:9")
@AutoConfigureMockMvc
class ConsoleWebSecurityTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void pagesForbidInlineScriptAndFraming() throws Exception {
		MvcResult page = this.mvc.perform(get("/signin")).andExpect(status().isOk()).andReturn();
		String policy = page.getResponse().getHeader("Content-Security-Policy");
		assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
		assertThat(page.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void everyFormCarriesACsrfTokenAndAPostWithoutOneIsRefused() throws Exception {
		String html = this.mvc.perform(get("/signin")).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("name=\"_csrf\"");
		this.mvc.perform(post("/signin").param("loginId", "a").param("password", "b")).andExpect(status().isForbidden());
		this.mvc.perform(post("/signout")).andExpect(status().isForbidden());
	}

	@Test
	void partnerAndOperatorPagesNeedASignIn() throws Exception {
		this.mvc.perform(get("/partner")).andExpect(redirectedUrl("/signin"));
		this.mvc.perform(get("/operator/applications")).andExpect(redirectedUrl("/signin"));
		this.mvc.perform(get("/account")).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void signOutEndsTheServerSession() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/signout").session(session).with(csrf())).andExpect(redirectedUrl("/signin?signedout"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void aloneWithoutCxRedisUrlSessionsStayInMemoryAndNoRedisIsConfigured() {
		assertThat(this.context.getEnvironment().getProperty("cx.console.session-store")).isEqualTo("memory");
		assertThat(this.context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(SessionRepository.class)).isEmpty();
	}

	@Test
	void japaneseByDefaultEnglishByTheSwitchOrTheBrowser() throws Exception {
		assertThat(this.mvc.perform(get("/signin")).andReturn().getResponse().getContentAsString()).contains("サインイン");
		assertThat(this.mvc.perform(get("/signin").header("Accept-Language", "en-US,en;q=0.9"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Sign in").doesNotContain("サインイン");
		MvcResult switched = this.mvc.perform(get("/signin").param("lang", "en")).andReturn();
		assertThat(switched.getResponse().getContentAsString()).contains("Sign in");
		assertThat(switched.getResponse().getCookie("cx-lang").getValue()).isEqualTo("en");
	}

	@Test
	void anUnreachableGatewayIsAReadablePageNotAStackTrace() throws Exception {
		String html = this.mvc.perform(get("/terms"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().exists("Content-Security-Policy"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("一時的に利用できません");
	}

}
