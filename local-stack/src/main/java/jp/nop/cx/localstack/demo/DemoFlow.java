package jp.nop.cx.localstack.demo;

/**
 * One flow of {@code ./cx demo}: a numbered step whose title the runner prints before {@link #run()}
 * prints the requests, their answers and what it learnt. A flow throws {@link Demo.Failed} (through
 * {@link Steps}) at the first answer it did not expect.
 */
interface DemoFlow {

	String title();

	void run();

	/** A flow written as a plain runnable (it prints its own steps). */
	static DemoFlow of(String title, Runnable flow) {
		return new DemoFlow() {
			@Override
			public String title() {
				return title;
			}

			@Override
			public void run() {
				flow.run();
			}
		};
	}

}
