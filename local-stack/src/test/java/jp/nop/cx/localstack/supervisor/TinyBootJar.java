package jp.nop.cx.localstack.supervisor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A jar that keeps the two promises of a Spring Boot jar that {@link ClassDataArchives} relies on,
 * without Spring: {@code -Djarmode=tools extract --destination D} puts the runnable jar into D, and
 * a run ends by itself (a training's exit once refreshed). {@code TINY_APP=fail} ends it with exit
 * code 3, {@code TINY_APP=hang} never ends it.
 */
public final class TinyBootJar {

	private TinyBootJar() {
	}

	public static void main(String[] args) throws Exception {
		if ("tools".equals(System.getProperty("jarmode"))) {
			Path self = Path.of(TinyBootJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path destination = Path.of(args[2]);
			Files.createDirectories(destination);
			Files.copy(self, destination.resolve(self.getFileName()));
			return;
		}
		// Its process's output is the training log the test reads: no logger in a jar of one class.
		System.out.println("server.port=" + System.getProperty("server.port"));
		String behaviour = String.valueOf(System.getenv("TINY_APP"));
		if (behaviour.equals("fail")) {
			System.exit(3);
		}
		if (behaviour.equals("hang")) {
			// The fake application itself, in its own process: a training that never ends, which
			// ClassDataArchives must time out and kill. Not a test waiting for a condition.
			Thread.sleep(Long.MAX_VALUE);
		}
	}

	/** Writes the jar, this class its only content. */
	static Path write(Path jar) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, TinyBootJar.class.getName());
		String entry = TinyBootJar.class.getName().replace('.', '/') + ".class";
		Files.createDirectories(jar.getParent());
		try (OutputStream file = Files.newOutputStream(jar);
				JarOutputStream out = new JarOutputStream(file, manifest);
				InputStream classFile = TinyBootJar.class.getClassLoader().getResourceAsStream(entry)) {
			out.putNextEntry(new JarEntry(entry));
			classFile.transferTo(out);
			out.closeEntry();
		}
		return jar;
	}

}
