package jp.nop.cx.events;

/** The named capabilities every gateway route belongs to (SPEC section 3, gateway). */
public enum Capability {
	REGISTRATION, IDENTITY, TERMS, ENFORCEMENT, NOTIFICATIONS, WEBHOOKS, EXPORT
}
