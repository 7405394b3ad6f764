package jp.nop.cx.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A secret the local stack keeps under {@code .cx/}, in a file only its owner reads (mode 600). */
final class OwnerOnlyFile {

	private OwnerOnlyFile() {
	}

	/**
	 * Creates {@code file} holding {@code secret} and a line break, readable by its owner only where
	 * the file system has POSIX permissions. {@code false} if the file exists already: a second
	 * launcher made it first, and its secret is the one to use.
	 */
	static boolean create(Path file, String secret) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		try {
			if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(file);
			}
		}
		catch (FileAlreadyExistsException ex) {
			return false;
		}
		Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
		return true;
	}
}
