package jp.nop.cx.enforcement.cases;

/** Who opened a case: an operator, or the gateway's load detection (Art. 7.1(3)). */
public enum Origin {

	MANUAL, AUTOMATED

}
