package jp.nop.cx.enforcement.export;

import java.time.Instant;
import java.util.List;

import jp.nop.cx.enforcement.cases.PartnerCaseView;
import jp.nop.cx.enforcement.standing.StandingView;

/**
 * The partner's enforcement history for its backup (Art. 5, 6), as the partner may see it: each
 * case as {@link PartnerCaseView} shows it, so NOP's investigation material, internal notes and
 * the operators' login IDs are not the partner's to take away.
 */
public record PartnerExport(String partnerId, Instant exportedAt, StandingView standing,
		List<PartnerCaseView> cases) {
}
