package jp.nop.cx.terms.acceptance;

/** The acceptance as it stands after a signal of acceptance, and whether that signal added to it. */
public record Recorded(TermsAcceptance acceptance, boolean changed) {
}
