package jp.nop.cx.faults;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Active partners written straight into notification-service's partner projection, as its
 * partner-approved and partner-updated consumers leave it: thousands of partners through the
 * events would notify each of them once more and take minutes before the test starts.
 */
final class ActivePartners {

	private ActivePartners() {
	}

	/**
	 * {@code count} partners with the IDs {@code String.format(idFormat, i)}, their contact at
	 * {@code <id><domain>}; every fifth prefers English when {@code someInEnglish}.
	 */
	static void insert(MongoDatabase database, String idFormat, int count, String domain, boolean someInEnglish) {
		List<Document> partners = new ArrayList<>();
		Date now = new Date();
		for (int i = 0; i < count; i++) {
			String id = String.format(idFormat, i);
			partners.add(new Document("_id", id).append("companyName", "株式会社障害試験" + i)
				.append("contactName", "担当 " + i)
				.append("contactEmail", id + domain)
				.append("preferredLanguage", (someInEnglish && i % 5 == 0) ? "en" : "ja")
				.append("status", "ACTIVE")
				.append("profileAsOf", now)
				.append("updatedAt", now));
		}
		database.getCollection("partners").insertMany(partners);
	}
}
