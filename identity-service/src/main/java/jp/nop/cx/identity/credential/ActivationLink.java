package jp.nop.cx.identity.credential;

/**
 * What {@code credential-issued} says about the link: the page, and the token sealed for
 * notification-service (the raw token rests nowhere but in the mail).
 *
 * @param url {@code <portal base URL>/activate}
 * @param sealedToken the token, sealed with the event key and bound to the login ID
 */
public record ActivationLink(String url, String sealedToken) {
}
