package jp.nop.cx.terms.version;

/** Where a published version stands at an instant. */
public enum VersionStatus {

	/** The version in force now. */
	CURRENT,

	/** Published, takes effect later (Art. 16.2: partners are notified before). */
	SCHEDULED,

	/** Was in force, or never came to be, because a later one took its place. */
	SUPERSEDED

}
