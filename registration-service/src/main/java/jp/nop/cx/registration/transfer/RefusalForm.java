package jp.nop.cx.registration.transfer;

import jakarta.validation.constraints.Size;
import jp.nop.cx.platform.validation.MultiLine;

/** Art. 17: NOP withholds its consent; a reason is optional but recorded when given. */
public record RefusalForm(@Size(max = 2000) @MultiLine String reason) {
}
