package jp.nop.cx.localstack.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * The MongoDB-wire-compatible store: mongo-java-server with its H2 MVStore backend on a file, so
 * data survives a restart. No sessions or transactions (see STACK-NOTES).
 */
public final class MongoStore implements AutoCloseable {

	/** H2's page cache in MB (its default is 16). */
	static final int CACHE_MB = 128;

	private final Path file;

	private final String host;

	private final int port;

	private MongoServer server;

	private H2Backend backend;

	public MongoStore(Path file, String host, int port) {
		this.file = file;
		this.host = host;
		this.port = port;
	}

	public synchronized InetSocketAddress start() throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		// The store answers most queries by scanning a collection (only unique indexes are built), and a
		// scan reads every page: with H2's default 16 MB cache, a fan-out to 10,000 partners read and
		// deserialised its pages from the file on every scan (39 % of the store's CPU in JFR,
		// docs/adr/0023-fanout-throughput.md). The cache holds the working set of such a run.
		H2Backend h2 = new H2Backend(new MVStore.Builder().fileName(file.toAbsolutePath().toString())
			.cacheSize(CACHE_MB)
			.open());
		MongoServer mongo = new MongoServer(h2);
		try {
			mongo.bind(host, port);
		}
		catch (RuntimeException ex) {
			mongo.shutdownNow();
			h2.close();
			throw ex;
		}
		this.backend = h2;
		this.server = mongo;
		return mongo.getLocalAddress();
	}

	public synchronized InetSocketAddress localAddress() {
		return server.getLocalAddress();
	}

	public String uri() {
		return "mongodb://localhost:" + port;
	}

	@Override
	public synchronized void close() {
		if (server != null) {
			server.shutdownNow();
			server = null;
		}
		if (backend != null) {
			backend.close();
			backend = null;
		}
	}

}
