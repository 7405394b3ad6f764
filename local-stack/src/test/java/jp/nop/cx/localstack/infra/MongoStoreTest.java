package jp.nop.cx.localstack.infra;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MongoStoreTest {

	@Test
	void documentsSurviveARestart(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("mongo").resolve("cx.mv");

		try (MongoStore store = new MongoStore(file, "127.0.0.1", 0)) {
			InetSocketAddress address = store.start();
			try (MongoClient client = client(address)) {
				collection(client).insertOne(new Document("_id", "p-1").append("name", "株式会社デモ商事"));
			}
		}
		assertThat(file).exists();

		try (MongoStore store = new MongoStore(file, "127.0.0.1", 0)) {
			InetSocketAddress address = store.start();
			try (MongoClient client = client(address)) {
				Document found = collection(client).find(new Document("_id", "p-1")).first();
				assertThat(found).isNotNull();
				assertThat(found.getString("name")).isEqualTo("株式会社デモ商事");
			}
		}
	}

	private static MongoClient client(InetSocketAddress address) {
		return MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?serverSelectionTimeoutMS=5000");
	}

	private static MongoCollection<Document> collection(MongoClient client) {
		return client.getDatabase("registration").getCollection("partners");
	}

}
