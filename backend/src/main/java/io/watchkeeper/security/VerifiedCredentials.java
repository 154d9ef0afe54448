package io.watchkeeper.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Remembers, for a short while, that a user name and password were verified, so an API client sending HTTP
 * Basic on every request pays for bcrypt once per {@code api-credential-cache-ttl} rather than per request.
 * Only a keyed hash (HMAC with a random key that never leaves this process) of the pair is kept, never the
 * password. Changing or disabling a user forgets its entries on this node; other nodes forget them when the
 * entries expire.
 */
@Component
class VerifiedCredentials {

	private static final int MAX_ENTRIES = 10_000;

	private record Entry(String username, Authentication authentication, long expiresAtNanos) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();
	private final SecretKeySpec key;
	private final long ttlNanos;

	VerifiedCredentials(SecuritySettings settings) {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		Duration ttl = settings.apiCredentialCacheTtl();
		this.ttlNanos = ttl == null || ttl.isNegative() ? 0 : ttl.toNanos();
	}

	/** The earlier successful authentication of exactly this user name and password, if still fresh. */
	Authentication lookup(String username, Object password) {
		if (ttlNanos == 0 || !(password instanceof String)) {
			return null;
		}
		String id = fingerprint(username, (String) password);
		Entry entry = entries.get(id);
		if (entry == null) {
			return null;
		}
		if (System.nanoTime() - entry.expiresAtNanos() > 0) {
			entries.remove(id, entry);
			return null;
		}
		return entry.authentication();
	}

	void remember(String username, Object password, Authentication authentication) {
		if (ttlNanos == 0 || !(password instanceof String)) {
			return;
		}
		if (entries.size() >= MAX_ENTRIES) {
			entries.clear(); // crude but bounded; the price is one bcrypt per client
		}
		entries.put(fingerprint(username, (String) password),
				new Entry(username, authentication, System.nanoTime() + ttlNanos));
	}

	void forget(String username) {
		entries.values().removeIf(e -> e.username().equalsIgnoreCase(username));
	}

	private String fingerprint(String username, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			mac.update(username.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}
}
