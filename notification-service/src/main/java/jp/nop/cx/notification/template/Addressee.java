package jp.nop.cx.notification.template;

/** Whom a notice greets: the company and the person, either possibly unknown. */
public record Addressee(String companyName, String contactName) {
}
