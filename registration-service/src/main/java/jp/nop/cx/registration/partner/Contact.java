package jp.nop.cx.registration.partner;

/** The person NOP writes to: notices (Art. 12.2, 16.2) and the administrator ID (Art. 4.1) go here. */
public record Contact(String name, String email, String phone) {

	public static Contact of(String name, String email, String phone) {
		return new Contact(Nfkc.of(name), EmailAddress.normalize(email), PhoneNumber.normalize(phone));
	}
}
