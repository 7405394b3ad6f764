package jp.nop.cx.registration.partner;

/** The third party that would take over the partner's status (Art. 17). */
public record Transferee(Company company, Representative representative, Contact contact,
		Language preferredLanguage) {
}
