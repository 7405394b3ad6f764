package jp.nop.cx.registration.export;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.registration.partner.Partner;
import jp.nop.cx.registration.partner.PartnerRepository;
import jp.nop.cx.registration.partner.PartnerView;
import jp.nop.cx.registration.partner.TransferView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

/**
 * The partner's backup (Art. 5, 6: the partner backs up its own data, so it must be able to get
 * all of it). Every service is asked at the same time; the document is given whole or not at
 * all: a partner who keeps a silently partial backup would believe it complete.
 */
@Service
public class ExportService {

	private static final Logger log = LoggerFactory.getLogger(ExportService.class);

	private final PartnerRepository partners;

	private final ExportClient client;

	private final ExportExecutors executors;

	private final ExportProperties properties;

	private final Clock clock;

	ExportService(PartnerRepository partners, ExportClient client, ExportExecutors executors,
			ExportProperties properties, Clock clock) {
		this.partners = partners;
		this.client = client;
		this.executors = executors;
		this.properties = properties;
		this.clock = clock;
	}

	public ExportDocument export(String partnerId, String bearerToken) {
		Partner partner = this.partners.findByPartnerId(partnerId)
			.orElseThrow(() -> RuleViolation.notFound("partner"));
		Map<String, CompletableFuture<JsonNode>> calls = new LinkedHashMap<>();
		List<String> unavailable = new ArrayList<>();
		this.properties.services().forEach((name, target) -> {
			try {
				calls.put(name, CompletableFuture
					.supplyAsync(() -> this.client.fetch(name, target.url(), partnerId, bearerToken),
							this.executors.fanOut())
					.orTimeout(deadline().toMillis(), TimeUnit.MILLISECONDS));
			}
			catch (RejectedExecutionException ex) {
				unavailable.add(name);
			}
		});
		Map<String, JsonNode> parts = new LinkedHashMap<>();
		calls.forEach((name, call) -> {
			try {
				parts.put(name, call.join());
			}
			catch (RuntimeException ex) {
				log.warn("Export for partner {}: {} did not answer ({})", partnerId, name, ExportClient.why(ex));
				unavailable.add(name);
			}
		});
		if (!unavailable.isEmpty()) {
			throw new RuleViolation(RuleViolation.Kind.UNAVAILABLE, "export-unavailable", String.join(", ", unavailable))
				.retryAfter(this.properties.retryAfter().toSeconds())
				.with("unavailable", unavailable);
		}
		List<TransferView> transfers = partner.transfers().stream().map((t) -> TransferView.of(t, partnerId)).toList();
		return new ExportDocument(ExportDocument.FORMAT, partnerId, this.clock.instant(), PartnerView.of(partner),
				new ExportDocument.Application(partner.id(), partner.submittedAt(), partner.agreement(),
						partner.decision()),
				transfers, parts);
	}

	/** A backstop above the time limiter: the time limit, plus the time it may take to give up. */
	private Duration deadline() {
		return this.properties.timeout().plus(this.properties.connectTimeout()).plusSeconds(1);
	}
}
