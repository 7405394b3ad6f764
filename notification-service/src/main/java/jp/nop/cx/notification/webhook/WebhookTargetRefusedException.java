package jp.nop.cx.notification.webhook;

/** The URL resolves to an address the SSRF guard does not let webhooks call. */
public class WebhookTargetRefusedException extends RuntimeException {

	private final String address;

	private final WebhookTargetGuard.AddressKind kind;

	public WebhookTargetRefusedException(String address, WebhookTargetGuard.AddressKind kind) {
		super("refused target " + address + " (" + kind + ")");
		this.address = address;
		this.kind = kind;
	}

	public String address() {
		return this.address;
	}

	public WebhookTargetGuard.AddressKind kind() {
		return this.kind;
	}
}
