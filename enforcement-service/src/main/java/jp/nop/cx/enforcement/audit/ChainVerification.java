package jp.nop.cx.enforcement.audit;

import java.util.Iterator;

/**
 * Walks the chain in sequence order and reports the first place where it does not hold: an entry
 * missing (a gap in the sequence), an entry whose content no longer gives its hash (altered), or
 * an entry whose previous hash is not the hash of the entry before it (the one before was
 * replaced, or the chain was rewritten from there).
 */
final class ChainVerification {

	enum Problem {

		/** Entries from {@code sequence} on are gone (up to the next one found). */
		MISSING,
		/** The entry's content was changed after it was appended. */
		ALTERED,
		/** The entry does not follow the one before it. */
		BROKEN_LINK

	}

	record Break(long sequence, String entryId, Problem problem) {
	}

	/**
	 * @param intact whether every entry checked holds
	 * @param checked how many entries were checked
	 * @param fromSequence the first sequence checked
	 * @param lastSequence the last sequence checked (0: none)
	 * @param lastHash the hash of the last entry checked: keep it elsewhere to detect a cut-off tail
	 * @param complete whether the walk reached the end of the chain (else continue at {@code nextSequence})
	 * @param nextSequence where a further walk continues, when not complete
	 * @param firstBreak the first problem found, or null
	 */
	record Report(boolean intact, long checked, long fromSequence, long lastSequence, String lastHash,
			boolean complete, Long nextSequence, Break firstBreak) {
	}

	private ChainVerification() {
	}

	/**
	 * @param fromSequence the sequence the walk expects first
	 * @param previousHash the hash the first entry must name as its previous one
	 * @param entries the entries with sequence ≥ {@code fromSequence}, ascending
	 * @param limit how many entries to check at most
	 */
	static Report verify(long fromSequence, String previousHash, Iterator<AuditEntry> entries, long limit) {
		long expected = fromSequence;
		String previous = previousHash;
		long checked = 0;
		long last = 0;
		String lastHash = null;
		while (checked < limit && entries.hasNext()) {
			AuditEntry entry = entries.next();
			checked++;
			Break found = null;
			if (entry.sequence() != expected) {
				found = new Break(expected, null, Problem.MISSING);
			}
			else if (!entry.hashMatchesContent()) {
				found = new Break(entry.sequence(), entry.eventId(), Problem.ALTERED);
			}
			else if (!entry.previousHash().equals(previous)) {
				found = new Break(entry.sequence(), entry.eventId(), Problem.BROKEN_LINK);
			}
			if (found != null) {
				return new Report(false, checked, fromSequence, entry.sequence(), entry.hash(), false, null, found);
			}
			last = entry.sequence();
			lastHash = entry.hash();
			previous = entry.hash();
			expected++;
		}
		boolean complete = !entries.hasNext();
		return new Report(true, checked, fromSequence, last, lastHash, complete, complete ? null : expected, null);
	}
}
