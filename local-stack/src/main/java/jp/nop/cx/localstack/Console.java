package jp.nop.cx.localstack;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The launcher's user-facing console output (its purpose is to talk to a person), always UTF-8
 * so Japanese text and the ✓/✗ marks survive whatever the platform default charset is.
 */
public final class Console {

	private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
			StandardCharsets.UTF_8);

	private static final PrintStream ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
			StandardCharsets.UTF_8);

	private Console() {
	}

	public static void line(String text) {
		OUT.println(text);
	}

	public static void line(String format, Object... args) {
		OUT.println(String.format(format, args));
	}

	public static void blank() {
		OUT.println();
	}

	public static void error(String text) {
		ERR.println(text);
	}

	public static void raw(String text) {
		OUT.print(text);
		OUT.flush();
	}

}
