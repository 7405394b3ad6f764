package jp.nop.cx.localstack;

public final class CxLauncher {
	public static void main(String[] args) {
	}
}
