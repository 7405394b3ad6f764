package jp.nop.cx.identity.key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import jp.nop.cx.identity.IdentityProperties;
import jp.nop.cx.identity.IdentitySecrets;
import jp.nop.cx.platform.secret.SealedSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The signing keys every instance shares, read from {@code signing_keys} and kept in memory for
 * a short while. The newest generation signs; a superseded key stays published (and trusted)
 * until every token it can have signed has expired, so a rotation never breaks a valid token.
 */
@Service
public class KeyRing implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

	/** An unknown {@code kid} reloads the keys at most this often, so forged kids cannot flood the store. */
	private static final Duration FORCED_RELOAD_SPACING = Duration.ofSeconds(1);

	private final SigningKeyRepository repository;

	private final Clock clock;

	private final Duration cacheRefresh;

	private final Duration rotationPeriod;

	/** How long a superseded key stays published: a token's life plus the time others take to notice. */
	private final Duration publication;

	private volatile Snapshot snapshot;

	private volatile long lastForcedReload = System.nanoTime() - FORCED_RELOAD_SPACING.toNanos();

	private final SealedSecrets keyEncryption;

	KeyRing(SigningKeyRepository repository, IdentityProperties properties, Clock clock, IdentitySecrets secrets) {
		this.repository = repository;
		this.keyEncryption = secrets.atRest();
		this.clock = clock;
		IdentityProperties.Keys keys = properties.keys();
		this.cacheRefresh = keys.cacheRefresh();
		this.rotationPeriod = keys.rotationPeriod();
		this.publication = properties.tokens().accessTokenTtl().plus(keys.cacheRefresh()).plus(keys.clockSkew());
	}

	/** The key that signs new tokens, with its private half. Creates the first key if there is none. */
	public RSAKey signingKey() {
		return current().activeSigningJwk();
	}

	/** The public keys of the JWKS: the active one and, during a rotation, its predecessors. */
	public JWKSet publishedKeys() {
		return new JWKSet(published(current()).stream().map((k) -> (JWK) k.publicJwk()).toList());
	}

	/** Metadata of the published keys, newest first. */
	public List<SigningKey> publishedKeyInfo() {
		return published(current());
	}

	/**
	 * Public keys a token with {@code kid} may be verified with. A kid we do not know yet (another
	 * instance just rotated) makes us look in the store once more.
	 */
	public List<JWK> verificationKeys(Function<JWKSet, List<JWK>> select) {
		List<JWK> found = select.apply(publishedKeys());
		if (found.isEmpty() && mayForceReload()) {
			this.snapshot = load();
			found = select.apply(publishedKeys());
		}
		return found;
	}

	/**
	 * Starts a new generation now. Two rotations at the same moment create one new key, not two:
	 * the generation number is unique.
	 */
	public SigningKey rotate() {
		Snapshot fresh = load();
		SigningKey next = create(fresh.active().generation() + 1);
		load();
		log.info("Signing key rotated: {} now signs, {} stays published until its tokens expire", next.keyId(),
				fresh.active().keyId());
		return next;
	}

	/** The scheduled rotation: rotates when the active key is older than the rotation period. */
	public boolean rotateIfDue() {
		SigningKey active = load().active();
		if (active.createdAt().plus(this.rotationPeriod).isAfter(this.clock.instant())) {
			return false;
		}
		rotate();
		return true;
	}

	/**
	 * Deletes keys that are no longer published: no token they signed is valid any more, and
	 * their private halves should not outlive their use.
	 */
	public int pruneRetired() {
		Snapshot fresh = load();
		List<SigningKey> keep = published(fresh);
		int removed = 0;
		for (SigningKey key : fresh.keys()) {
			if (!keep.contains(key)) {
				this.repository.deleteById(key.keyId());
				log.info("Retired signing key {} deleted", key.keyId());
				removed++;
			}
		}
		if (removed > 0) {
			this.snapshot = load();
		}
		return removed;
	}

	private List<SigningKey> published(Snapshot snapshot) {
		Instant now = this.clock.instant();
		List<SigningKey> keys = snapshot.keys();
		List<SigningKey> published = new ArrayList<>();
		published.add(keys.get(0));
		for (int i = 1; i < keys.size(); i++) {
			// A key is superseded when its successor was created; it may have signed until then.
			Instant supersededAt = keys.get(i - 1).createdAt();
			if (supersededAt.plus(this.publication).isAfter(now)) {
				published.add(keys.get(i));
			}
		}
		return published;
	}

	private Snapshot current() {
		Snapshot current = this.snapshot;
		if (current == null || current.olderThan(this.cacheRefresh)) {
			current = load();
			this.snapshot = current;
		}
		return current;
	}

	/**
	 * Reads the keys once at start, so a wrong key-encryption key stops the service at once with
	 * a clear message instead of failing the first sign-in.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		current();
	}

	private Snapshot load() {
		List<SigningKey> keys = this.repository.findAllByOrderByGenerationDesc();
		if (keys.isEmpty()) {
			create(1);
			keys = this.repository.findAllByOrderByGenerationDesc();
		}
		keys = keys.stream().map(this::sealIfPlain).toList();
		Snapshot loaded = new Snapshot(List.copyOf(keys), keys.get(0).signingJwk(this.keyEncryption),
				System.nanoTime());
		this.snapshot = loaded;
		return loaded;
	}

	/** A key stored before keys were sealed: sealed now, the clear copy overwritten. */
	private SigningKey sealIfPlain(SigningKey key) {
		if (!key.isPlain()) {
			return key;
		}
		SigningKey sealed = key.sealed(this.keyEncryption);
		this.repository.save(sealed);
		log.info("Signing key {} was stored in the clear; it is sealed now", key.keyId());
		return sealed;
	}

	private SigningKey create(long generation) {
		SigningKey key = SigningKey.generate(generation, this.clock.instant(), this.keyEncryption);
		try {
			this.repository.insert(key);
			log.info("Signing key {} created (generation {})", key.keyId(), generation);
			return key;
		}
		catch (DuplicateKeyException ex) {
			// Another instance created this generation first; everyone uses that one.
			return this.repository.findAllByOrderByGenerationDesc().get(0);
		}
	}

	private boolean mayForceReload() {
		long now = System.nanoTime();
		if (now - this.lastForcedReload < FORCED_RELOAD_SPACING.toNanos()) {
			return false;
		}
		this.lastForcedReload = now;
		return true;
	}

	private record Snapshot(List<SigningKey> keys, RSAKey activeSigningJwk, long loadedAtNanos) {

		SigningKey active() {
			return this.keys.get(0);
		}

		boolean olderThan(Duration age) {
			return System.nanoTime() - this.loadedAtNanos > age.toNanos();
		}
	}
}
