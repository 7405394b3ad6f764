package jp.nop.cx.bench;

/** One row of the table of SPEC section 7: what, the target, the figure reached, met or not. */
record Row(String what, String target, String figure, Boolean met) {

	static Row notMeasured(String what, String target, String why) {
		return new Row(what, target, "not measured: " + why, null);
	}

	String verdict() {
		return (met == null) ? "—" : met ? "met" : "NOT met";
	}
}
