package io.watchkeeper.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for machines (video management systems, NVR pollers) that feed health observations. A token is
 * {@code wkh_} and 43 characters of base64url (256 random bits); only its SHA-256 is stored, so it is shown
 * once, when issued. Issuing and revoking are audited ({@code token.issued}, {@code token.revoked}).
 *
 * <p>Checking a token costs no database round trip per request: what a node read about a token hash (valid,
 * unknown or revoked) is trusted for {@link MachineTokenSettings#cacheTtl()} (5 s by default). A revocation
 * therefore takes effect at once on the node that revoked it and within that time on every other node. The
 * read that refreshes an entry also records {@code last_used_at}, so "last used" is exact to that time too.
 */
@Service
class MachineTokens {

	static final String PREFIX = "wkh_";
	static final int MAX_NAME_LENGTH = 100;
	private static final int MAX_CACHE_ENTRIES = 10_000;

	/** A token as the admin page and API list it (never the token itself). */
	record TokenSummary(long id, String name, String prefix, String createdBy, Instant createdAt, String revokedBy,
			Instant revokedAt, Instant lastUsedAt) {

		@com.fasterxml.jackson.annotation.JsonProperty("active")
		public boolean active() {
			return revokedAt == null;
		}
	}

	/** A newly issued token: {@code token} is the only time the secret is available. */
	record IssuedToken(long id, String name, String token, String prefix, Instant createdAt) {
	}

	/** Who a valid token is: the machine's name and its authority. */
	record TokenIdentity(long id, String name, String authority) {
	}

	private record CacheEntry(TokenIdentity identity, long expiresAtNanos) {
	}

	private final JdbcTemplate jdbc;
	private final AuditLog audit;
	private final Clock clock;
	private final long ttlNanos;
	private final SecureRandom random = new SecureRandom();
	private final Map<String, CacheEntry> cache = new ConcurrentHashMap<>();

	MachineTokens(JdbcTemplate jdbc, AuditLog audit, Clock clock, MachineTokenSettings settings) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.ttlNanos = settings.cacheTtl().toNanos();
	}

	List<TokenSummary> list() {
		return jdbc.query("""
				SELECT id, name, token_prefix, created_by, created_at, revoked_by, revoked_at, last_used_at
				  FROM machine_token ORDER BY revoked_at IS NOT NULL, created_at DESC, id DESC""",
				(rs, i) -> new TokenSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						instant(rs.getTimestamp(5)), rs.getString(6), instant(rs.getTimestamp(7)),
						instant(rs.getTimestamp(8))));
	}

	Optional<TokenSummary> find(long id) {
		return list().stream().filter(t -> t.id() == id).findFirst();
	}

	@Transactional
	IssuedToken issue(String name, String actor, String remoteAddress) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty()) {
			throw InvalidRequest.of("name", "token.error.name.required", "A name is required (e.g. the NVR or system)");
		}
		if (trimmed.length() > MAX_NAME_LENGTH) {
			throw InvalidRequest.of("name", "token.error.name.long", "The name is longer than 100 characters",
					MAX_NAME_LENGTH);
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String prefix = token.substring(0, PREFIX.length() + 6);
		Instant now = clock.instant();
		long id;
		try {
			id = jdbc.queryForObject("""
					INSERT INTO machine_token (name, token_hash, token_prefix, created_by, created_at)
					VALUES (?, ?, ?, ?, ?) RETURNING id""", Long.class, trimmed, sha256(token), prefix, actor,
					Timestamp.from(now));
		}
		catch (DuplicateKeyException e) {
			throw InvalidRequest.of("name", "token.error.name.taken",
					"An active token has this name already; revoke it first or choose another name");
		}
		audit.record(actor, "token.issued", "machine_token", id, Map.of("name", trimmed, "prefix", prefix),
				remoteAddress);
		return new IssuedToken(id, trimmed, token, prefix, now);
	}

	/** Revokes a token; false when it was revoked already. */
	@Transactional
	boolean revoke(long id, String actor, String remoteAddress) {
		List<String> revoked = jdbc.queryForList("""
				UPDATE machine_token SET revoked_at = ?, revoked_by = ?
				 WHERE id = ? AND revoked_at IS NULL RETURNING token_hash""", String.class,
				Timestamp.from(clock.instant()), actor, id);
		if (revoked.isEmpty()) {
			return false;
		}
		cache.remove(revoked.get(0));
		String name = jdbc.queryForObject("SELECT name FROM machine_token WHERE id = ?", String.class, id);
		audit.record(actor, "token.revoked", "machine_token", id, Map.of("name", name), remoteAddress);
		return true;
	}

	/** The machine a presented token belongs to, if the token is known and not revoked. */
	Optional<TokenIdentity> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
			return Optional.empty();
		}
		String hash = sha256(token);
		long now = System.nanoTime();
		CacheEntry entry = cache.get(hash);
		if (entry != null && now - entry.expiresAtNanos() < 0) {
			return Optional.ofNullable(entry.identity());
		}
		List<TokenIdentity> found = jdbc.query("""
				UPDATE machine_token SET last_used_at = ?
				 WHERE token_hash = ? AND revoked_at IS NULL RETURNING id, name, authority""",
				(rs, i) -> new TokenIdentity(rs.getLong(1), rs.getString(2), rs.getString(3)),
				Timestamp.from(clock.instant()), hash);
		TokenIdentity identity = found.isEmpty() ? null : found.get(0);
		if (ttlNanos > 0) {
			if (cache.size() >= MAX_CACHE_ENTRIES) {
				cache.clear(); // bounded: someone trying many made-up tokens costs us one lookup each
			}
			cache.put(hash, new CacheEntry(identity, now + ttlNanos));
		}
		return Optional.ofNullable(identity);
	}

	static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not available", e);
		}
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
