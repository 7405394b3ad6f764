package jp.nop.cx.enforcement.servicestatus;

/** Why a service-status event is declared: the items of Art. 8.1, 9.1, 9.3, 10.1 and 11.3, by kind. */
public enum Reason {

	FACILITY_WORKS(Kind.INTERRUPTION, "Art. 8.1(1)"),
	POWER_OR_TELECOM_OUTAGE(Kind.INTERRUPTION, "Art. 8.1(2)"),
	PROVIDER_INTERRUPTION(Kind.INTERRUPTION, "Art. 8.1(3)"),
	PUBLIC_AUTHORITY_ORDER(Kind.INTERRUPTION, "Art. 8.1(4)"),
	FACILITY_FAILURE(Kind.INTERRUPTION, "Art. 8.1(5)"),
	OPERATIONAL_REASON(Kind.INTERRUPTION, "Art. 8.1(6)"),

	VERSION_UP(Kind.MAINTENANCE, "Art. 10.1"),
	MAINTENANCE(Kind.MAINTENANCE, "Art. 10.1"),

	NATURAL_DISASTER(Kind.RESTRICTION, "Art. 11.3(1)"),
	WAR_OR_TERROR(Kind.RESTRICTION, "Art. 11.3(2)"),
	POWER_OR_PUBLIC_ORDER(Kind.RESTRICTION, "Art. 11.3(3)"),

	FACILITY_END_OF_LIFE(Kind.DISCONTINUATION, "Art. 9.1(1)"),
	PROVIDER_ENDED(Kind.DISCONTINUATION, "Art. 9.1(2)"),
	PROLONGED_INTERRUPTION(Kind.DISCONTINUATION, "Art. 9.1(3)"),
	EQUIVALENT_SERVICE_STARTED(Kind.DISCONTINUATION, "Art. 9.1(4)"),
	UNAVOIDABLE(Kind.DISCONTINUATION, "Art. 9.1(5)"),
	BY_NOTICE(Kind.DISCONTINUATION, "Art. 9.3");

	private final Kind kind;

	private final String article;

	Reason(Kind kind, String article) {
		this.kind = kind;
		this.article = article;
	}

	public Kind kind() {
		return this.kind;
	}

	public String article() {
		return this.article;
	}
}
