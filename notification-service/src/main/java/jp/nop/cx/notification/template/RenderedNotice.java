package jp.nop.cx.notification.template;

/**
 * A notice in words, ready for a channel: a header-safe subject, the plain text and the same
 * text as HTML with every value escaped.
 */
public record RenderedNotice(String subject, String text, String html, String language) {
}
