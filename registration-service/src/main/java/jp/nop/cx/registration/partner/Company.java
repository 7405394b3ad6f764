package jp.nop.cx.registration.partner;

/** The applicant's or partner's company as registered (Art. 3, パートナー登録情報). */
public record Company(String name, String corporateNumber, String postalCode, String address) {

	/** From what was typed: NFKC where two spellings must compare equal, canonical postal code. */
	public static Company of(String name, String corporateNumber, String postalCode, String address) {
		return new Company(Nfkc.of(name), CorporateNumber.of(corporateNumber).value(), PostalCode.normalize(postalCode),
				Nfkc.of(address));
	}

	/** The form of a company name that name searches compare: NFKC, case-folded. */
	public static String searchKey(String name) {
		return Nfkc.searchKey(name);
	}
}
