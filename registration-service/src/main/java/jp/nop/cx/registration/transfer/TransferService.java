package jp.nop.cx.registration.transfer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import jp.nop.cx.platform.rules.RuleViolation;
import jp.nop.cx.registration.Listing;
import jp.nop.cx.registration.partner.Partner;
import jp.nop.cx.registration.partner.PartnerRepository;
import jp.nop.cx.registration.partner.Transfer;
import jp.nop.cx.registration.partner.TransferStatus;
import jp.nop.cx.registration.partner.TransferView;
import jp.nop.cx.registration.partner.Transferee;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Transfer of the partner's status (Art. 17). The request lives in the partner's document, so
 * NOP's consent changes the registration and raises {@code partner-transferred} in one write.
 */
@Service
public class TransferService {

	private static final Logger log = LoggerFactory.getLogger(TransferService.class);

	private final PartnerRepository partners;

	private final MongoTemplate mongo;

	private final Clock clock;

	TransferService(PartnerRepository partners, MongoTemplate mongo, Clock clock) {
		this.partners = partners;
		this.mongo = mongo;
		this.clock = clock;
	}

	public TransferView request(String partnerId, Transferee transferee, String reason, String actor) {
		Partner partner = this.partners.findByPartnerId(partnerId)
			.orElseThrow(() -> RuleViolation.notFound("partner"));
		String transfereeNumber = transferee.company().corporateNumber();
		if (!transfereeNumber.equals(partner.company().corporateNumber())
				&& this.partners.existsByRegisteredCorporateNumber(transfereeNumber)) {
			// Said now rather than at consent; the unique index still decides then.
			throw registered(transfereeNumber);
		}
		Transfer transfer = partner.requestTransfer(UUID.randomUUID().toString(), transferee, reason, actor,
				this.clock.instant());
		this.partners.save(partner);
		log.info("Partner {} asks consent to transfer its status ({})", partnerId, transfer.transferId());
		return TransferView.of(transfer, partnerId);
	}

	/** Art. 17: NOP's written consent; the registration becomes the transferee's, same partner ID. */
	public TransferView consent(String transferId, String operator) {
		Partner partner = find(transferId);
		partner.consentToTransfer(transferId, operator, this.clock.instant());
		try {
			partner = this.partners.save(partner);
		}
		catch (DuplicateKeyException ex) {
			throw registered(partner.company().corporateNumber());
		}
		log.info("Transfer {} of partner {} consented by {}", transferId, partner.partnerId(), operator);
		return view(partner, transferId);
	}

	public TransferView refuse(String transferId, String reason, String operator) {
		Partner partner = find(transferId);
		partner.refuseTransfer(transferId, reason, operator, this.clock.instant());
		partner = this.partners.save(partner);
		log.info("Transfer {} of partner {} refused by {}", transferId, partner.partnerId(), operator);
		return view(partner, transferId);
	}

	public TransferView get(String transferId) {
		return view(find(transferId), transferId);
	}

	public List<TransferView> ofPartner(String partnerId) {
		Partner partner = this.partners.findByPartnerId(partnerId)
			.orElseThrow(() -> RuleViolation.notFound("partner"));
		return partner.transfers().stream().map((t) -> TransferView.of(t, partnerId)).toList();
	}

	/** Every partner's requests, oldest first: one row per transfer, unwound from the partner documents. */
	public Listing<TransferView> list(TransferStatus status, int page, int size) {
		List<AggregationOperation> rows = new ArrayList<>();
		Criteria transfer = (status != null) ? Criteria.where("transfers.status").is(status.name())
				: Criteria.where("transfers.0").exists(true);
		rows.add(Aggregation.match(transfer));
		rows.add(Aggregation.unwind("transfers"));
		if (status != null) {
			rows.add(Aggregation.match(Criteria.where("transfers.status").is(status.name())));
		}
		List<AggregationOperation> counting = new ArrayList<>(rows);
		counting.add(Aggregation.group().count().as("total"));
		Document counted = this.mongo.aggregate(Aggregation.newAggregation(counting), "partners", Document.class)
			.getUniqueMappedResult();
		long total = (counted != null) ? ((Number) counted.get("total")).longValue() : 0;
		List<AggregationOperation> paging = new ArrayList<>(rows);
		paging.add(Aggregation.sort(Sort.by("transfers.requestedAt", "transfers.transferId")));
		paging.add(Aggregation.skip((long) page * size));
		paging.add(Aggregation.limit(size));
		paging.add(Aggregation.project("partnerId", "transfers"));
		List<TransferView> items = this.mongo
			.aggregate(Aggregation.newAggregation(Partner.class, paging), TransferRow.class)
			.getMappedResults()
			.stream()
			.map((row) -> TransferView.of(row.transfers(), row.partnerId()))
			.toList();
		return new Listing<>(items, total, page, size);
	}

	private Partner find(String transferId) {
		return this.partners.findByTransfersTransferId(transferId)
			.orElseThrow(() -> RuleViolation.notFound("transfer"));
	}

	private static TransferView view(Partner partner, String transferId) {
		return TransferView.of(partner.transfer(transferId).orElseThrow(), partner.partnerId());
	}

	private static RuleViolation registered(String corporateNumber) {
		return RuleViolation.conflict("corporate-number-registered", corporateNumber);
	}

	/** One unwound row: a partner ID and one of its transfers. */
	record TransferRow(String partnerId, Transfer transfers) {
	}
}
