package jp.nop.cx.enforcement.servicestatus;

/** Where a service-status event stands at a given time. */
public enum State {

	SCHEDULED, ACTIVE, ENDED

}
