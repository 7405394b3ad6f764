package jp.nop.cx.localstack.demo;

import jp.nop.cx.localstack.OperatorCredentials;

/** The operator signs in with the credentials of the local stack. */
final class OperatorSignsInFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	private final OperatorCredentials operator;

	OperatorSignsInFlow(Steps steps, DemoContext demo, OperatorCredentials operator) {
		this.steps = steps;
		this.demo = demo;
		this.operator = operator;
	}

	@Override
	public String title() {
		return "The operator signs in";
	}

	@Override
	public void run() {
		demo.operatorToken = steps.signIn(operator.login(), operator.password());
	}

}
