package jp.nop.cx.registration.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.nop.cx.registration.partner.Decision;
import jp.nop.cx.registration.partner.PartnerView;
import jp.nop.cx.registration.partner.TermsAgreement;
import jp.nop.cx.registration.partner.TransferView;
import tools.jackson.databind.JsonNode;

/**
 * Art. 5, 6: everything the portal holds about the partner, for its own backup: the registration
 * and its history from this service, and each other service's export under {@code services}.
 */
public record ExportDocument(String format, String partnerId, Instant exportedAt, PartnerView registration,
		Application application, List<TransferView> transfers, Map<String, JsonNode> services) {

	/** Version of this document's shape, for tools that read backups. */
	public static final String FORMAT = "cx-portal-partner-export/1";

	/** The application the partnership started from, with the evidence of the terms accepted (Art. 3). */
	public record Application(String id, Instant submittedAt, TermsAgreement agreement, Decision decision) {
	}
}
