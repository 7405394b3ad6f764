package jp.nop.cx.localstack.demo;

/** What the walk learns on the way, handed from one flow to the next. */
final class DemoContext {

	String operatorToken;

	String partnerToken;

	String termsVersion;

	String registrationId;

	String partnerId;

	String contactEmail;

	String partnerLoginId;

	String caseId;

}
