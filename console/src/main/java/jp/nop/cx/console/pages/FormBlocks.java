package jp.nop.cx.console.pages;

import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies from form fields named {@code <block>.<field>} ({@code company.name},
 * {@code contact.email} …), nested as the registration API nests them: an application, a
 * transfer and a change of the registration info send the same company and contact blocks.
 */
final class FormBlocks {

	static final String[] COMPANY = { "name", "corporateNumber", "postalCode", "address" };

	/** What a partner may change of its company: everything but the corporate number (Art. 3). */
	static final String[] MUTABLE_COMPANY = { "name", "postalCode", "address" };

	static final String[] REPRESENTATIVE = { "name", "title" };

	static final String[] CONTACT = { "name", "email", "phone" };

	private FormBlocks() {
	}

	/** Every field as typed, an empty one too: the API names what is missing. */
	static ObjectNode put(ObjectNode body, Map<String, String> form, String block, String... fields) {
		ObjectNode node = body.putObject(block);
		for (String field : fields) {
			node.put(field, form.get(block + "." + field));
		}
		return node;
	}

	/** Only the fields filled in: a PATCH changes what the person typed and keeps the rest. */
	static ObjectNode putFilled(ObjectNode body, Map<String, String> form, String block, String... fields) {
		ObjectNode node = body.putObject(block);
		for (String field : fields) {
			String value = form.get(block + "." + field);
			if (value != null && !value.isBlank()) {
				node.put(field, value);
			}
		}
		return node;
	}
}
