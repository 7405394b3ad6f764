package jp.nop.cx.registration.partner;

/** The company's representative (代表者) and title, e.g. 代表取締役. */
public record Representative(String name, String title) {

	public static Representative of(String name, String title) {
		return new Representative(Nfkc.of(name), Nfkc.of(title));
	}
}
