package jp.nop.cx.bench;

/** A closed-loop load generator: {@code connections} requests in flight for {@code seconds}. */
interface Load {

	Wrk.Result run(String url, int connections, int seconds) throws Exception;

	/** What the header names as the load generator. */
	String describe();
}
