package jp.nop.cx.localstack.demo;

import tools.jackson.databind.node.ObjectNode;

import static jp.nop.cx.localstack.demo.Answers.text;
import static jp.nop.cx.localstack.demo.Steps.ok;

/** A company applies with the terms in force and a valid corporate number. */
final class ApplyFlow implements DemoFlow {

	private final Steps steps;

	private final DemoContext demo;

	ApplyFlow(Steps steps, DemoContext demo) {
		this.steps = steps;
		this.demo = demo;
	}

	@Override
	public String title() {
		return "A company applies (anonymous)";
	}

	@Override
	public void run() {
		long stamp = System.currentTimeMillis();
		demo.contactEmail = "demo+" + stamp + "@example.co.jp";
		String corporateNumber = steps.corporateNumber();
		ObjectNode body = Http.JSON.createObjectNode();
		ObjectNode company = body.putObject("company");
		company.put("name", "株式会社デモ商事");
		company.put("corporateNumber", corporateNumber);
		company.put("postalCode", "100-0001");
		company.put("address", "東京都千代田区千代田1-1 デモビル3階");
		ObjectNode representative = body.putObject("representative");
		representative.put("name", "山田 太郎");
		representative.put("title", "代表取締役");
		ObjectNode contact = body.putObject("contact");
		contact.put("name", "佐藤 花子");
		contact.put("email", demo.contactEmail);
		contact.put("phone", "03-1234-5678");
		body.put("preferredLanguage", "ja");
		ObjectNode agreement = body.putObject("agreement");
		agreement.put("termsVersion", demo.termsVersion);
		agreement.put("accepted", true);
		Http.Response created = steps.expect(steps.send("POST", "/api/v1/registrations", null, body), 201);
		demo.registrationId = text(created.json(), "id");
		steps.require(!demo.registrationId.isEmpty(), "the application answer has no id");
		steps.require("SUBMITTED".equals(text(created.json(), "status")),
				"expected status SUBMITTED, got " + text(created.json(), "status"));
		ok(created, "id " + demo.registrationId + ", status SUBMITTED (株式会社デモ商事, 法人番号 " + corporateNumber + ", "
				+ demo.contactEmail + ")");
	}

}
