package jp.nop.cx.enforcement.cases;

import java.time.Instant;

/** Art. 7.6: damages NOP claims from the partner for a prohibited act, in yen. */
public record DamageClaim(String claimId, long amountYen, String description, String claimedBy, Instant claimedAt) {
}
