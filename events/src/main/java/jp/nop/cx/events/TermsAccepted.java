package jp.nop.cx.events;

import java.time.Instant;
import java.util.List;

/** Art. 2.2, 16.3: a partner accepted a terms version, explicitly or deemed by use. */
public record TermsAccepted(String partnerId, String loginId, String version, List<String> supplementVersions,
		String method, String sha256, String clientIp, String userAgent, Instant acceptedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
