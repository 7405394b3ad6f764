package jp.nop.cx.enforcement.cases;

/** A partner's standing, from the most to the least restrictive of its measures in force. */
public enum StandingStatus {

	SUSPENDED, PARTIALLY_SUSPENDED, THROTTLED, WARNED, GOOD

}
