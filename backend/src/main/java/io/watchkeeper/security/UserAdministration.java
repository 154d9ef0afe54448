package io.watchkeeper.security;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.watchkeeper.security.InvalidRequest.Violation;

/**
 * Administrators create users, change their roles and scope, disable and enable them and reset passwords.
 * Every change is audited ({@code user.created}, {@code user.updated}, {@code user.disabled},
 * {@code user.enabled}, {@code user.password_reset}); a change to who someone is or what they may do ends
 * that user's open sessions, so it takes effect at once rather than at their next login.
 * <p>
 * A user may be scoped to a police station: the station implies its precinct, and both are stored, so everything
 * that scopes by precinct (an investigator's cases, a precinct's cameras and figures) treats a station's user as one
 * of its precinct. A station that is not under the chosen precinct is refused.
 */
@Service
class UserAdministration {

	static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");

	/** bcrypt reads at most 72 bytes of a password; refusing longer ones is better than ignoring the rest. */
	static final int MAX_PASSWORD_BYTES = 72;

	record UserSummary(long id, String username, String displayName, boolean enabled, Set<Role> roles, Long vendorId,
			String vendorName, Long precinctId, String precinctNameZh, String precinctNameEn, LocalDate createdOn,
			boolean demo, Long stationId, String stationNameZh, String stationNameEn) {
	}

	/** A police station a user may be scoped to, with its precinct (the form narrows by precinct). */
	record StationOption(long id, String nameZh, String nameEn, long precinctId) {
	}

	record ScopeOption(long id, String nameZh, String nameEn) {
	}

	record NewUser(String username, String displayName, Set<Role> roles, Long vendorId, Long precinctId, Long stationId,
			String password) {
	}

	record Changes(String displayName, Set<Role> roles, Long vendorId, Long precinctId, Long stationId) {
	}

	private final JdbcTemplate jdbc;
	private final PasswordEncoder passwordEncoder;
	private final AuditLog audit;
	private final SessionRegistry sessions;
	private final VerifiedCredentials verified;
	private final int minPasswordLength;
	private final ZoneId zone;

	UserAdministration(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, AuditLog audit, SessionRegistry sessions,
			VerifiedCredentials verified, SecuritySettings settings) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.sessions = sessions;
		this.verified = verified;
		this.minPasswordLength = settings.minPasswordLength();
		this.zone = settings.zone();
	}

	int minPasswordLength() {
		return minPasswordLength;
	}

	@Transactional(readOnly = true)
	List<UserSummary> list() {
		return query("true", "u.username");
	}

	@Transactional(readOnly = true)
	Optional<UserSummary> find(long id) {
		return query("u.id = ?", "u.id", id).stream().findFirst();
	}

	@Transactional(readOnly = true)
	List<ScopeOption> vendors() {
		return jdbc.query("SELECT id, name_zh, coalesce(name_en, name_zh) AS name_en FROM vendor ORDER BY code",
				(rs, n) -> new ScopeOption(rs.getLong("id"), rs.getString("name_zh"), rs.getString("name_en")));
	}

	@Transactional(readOnly = true)
	List<ScopeOption> precincts() {
		return jdbc.query("SELECT id, name_zh, name_en FROM precinct ORDER BY code",
				(rs, n) -> new ScopeOption(rs.getLong("id"), rs.getString("name_zh"), rs.getString("name_en")));
	}

	@Transactional(readOnly = true)
	List<StationOption> stations() {
		return jdbc.query("""
				SELECT s.id, s.name_zh, coalesce(s.name_en, s.name_zh) AS name_en, s.precinct_id
				  FROM station s JOIN precinct p ON p.id = s.precinct_id ORDER BY p.code, s.name_zh""",
				(rs, n) -> new StationOption(rs.getLong("id"), rs.getString("name_zh"), rs.getString("name_en"),
						rs.getLong("precinct_id")));
	}

	@Transactional
	long create(NewUser user) {
		List<Violation> violations = new ArrayList<>();
		String username = user.username() == null ? "" : user.username().strip();
		if (!USERNAME.matcher(username).matches()) {
			violations.add(new Violation("username", "user.error.username.format", new Object[0],
					"User name must be 3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
		}
		else if (Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT exists(SELECT 1 FROM app_user WHERE lower(username) = lower(?))", Boolean.class, username))) {
			violations.add(new Violation("username", "user.error.username.taken", new Object[] { username },
					"User name '" + username + "' is already taken"));
		}
		Long precinctId = precinctOf(user.precinctId(), user.stationId(), violations);
		String displayName = checkDetails(user.displayName(), user.roles(), user.vendorId(), precinctId,
				violations);
		checkPassword(user.password(), username, violations);
		if (!violations.isEmpty()) {
			throw new InvalidRequest("The user is not valid", violations);
		}
		long id = jdbc.queryForObject("""
				INSERT INTO app_user (username, display_name, password_hash, vendor_id, precinct_id, station_id)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, username, displayName,
				passwordEncoder.encode(user.password()), user.vendorId(), precinctId, user.stationId());
		insertRoles(id, user.roles());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("username", username);
		details.put("displayName", displayName);
		details.put("roles", sorted(user.roles()));
		details.put("vendorId", user.vendorId());
		details.put("precinctId", precinctId);
		details.put("stationId", user.stationId());
		audit.record("user.created", "user", username, details);
		return id;
	}

	@Transactional
	void update(long id, Changes changes) {
		UserSummary before = require(id);
		List<Violation> violations = new ArrayList<>();
		Long precinctId = precinctOf(changes.precinctId(), changes.stationId(), violations);
		String displayName = checkDetails(changes.displayName(), changes.roles(), changes.vendorId(),
				precinctId, violations);
		if (isCurrentUser(before) && before.roles().contains(Role.ADMIN)
				&& (changes.roles() == null || !changes.roles().contains(Role.ADMIN))) {
			violations.add(new Violation("roles", "user.error.ownAdmin", new Object[0],
					"You cannot take the ADMIN role from yourself; ask another administrator"));
		}
		else if (before.enabled() && before.roles().contains(Role.ADMIN) && changes.roles() != null
				&& !changes.roles().contains(Role.ADMIN) && enabledAdminsOtherThan(id) == 0) {
			violations.add(new Violation("roles", "user.error.lastAdmin", new Object[0],
					"This is the last enabled administrator; make another one first"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidRequest("The user is not valid", violations);
		}
		Map<String, Object> changed = new LinkedHashMap<>();
		diff(changed, "displayName", before.displayName(), displayName);
		diff(changed, "roles", sorted(before.roles()), sorted(changes.roles()));
		diff(changed, "vendorId", before.vendorId(), changes.vendorId());
		diff(changed, "precinctId", before.precinctId(), precinctId);
		diff(changed, "stationId", before.stationId(), changes.stationId());
		if (changed.isEmpty()) {
			return;
		}
		jdbc.update("UPDATE app_user SET display_name = ?, vendor_id = ?, precinct_id = ?, station_id = ?, updated_at = now() WHERE id = ?",
				displayName, changes.vendorId(), precinctId, changes.stationId(), id);
		if (changed.containsKey("roles")) {
			jdbc.update("DELETE FROM app_user_role WHERE user_id = ?", id);
			insertRoles(id, changes.roles());
		}
		audit.record("user.updated", "user", before.username(), changed);
		if (changed.containsKey("roles") || changed.containsKey("vendorId") || changed.containsKey("precinctId")
				|| changed.containsKey("stationId")) {
			afterCommitLogOut(before.username());
		}
	}

	@Transactional
	void setEnabled(long id, boolean enabled) {
		UserSummary user = require(id);
		if (user.enabled() == enabled) {
			return;
		}
		if (!enabled && isCurrentUser(user)) {
			throw InvalidRequest.of(null, "user.error.disableSelf", "You cannot disable your own account");
		}
		if (!enabled && user.roles().contains(Role.ADMIN) && enabledAdminsOtherThan(id) == 0) {
			throw InvalidRequest.of(null, "user.error.lastAdmin", "This is the last enabled administrator; make another one first");
		}
		jdbc.update("UPDATE app_user SET enabled = ?, updated_at = now() WHERE id = ?", enabled, id);
		audit.record(enabled ? "user.enabled" : "user.disabled", "user", user.username(),
				Map.of("enabled", List.of(!enabled, enabled)));
		if (!enabled) {
			afterCommitLogOut(user.username());
		}
	}

	/** A lockout (pair, device cookie) or wait (the user name) that holds the user's logins back right now. */
	record Throttle(String scope, String address, java.time.Instant lockedUntil) {
	}

	/**
	 * User names (lower case) with a login throttle in force right now (a locked address and user name pair, a
	 * locked device cookie, or the name's wait for unknown browsers), and until when at the latest.
	 */
	@Transactional(readOnly = true)
	Map<String, java.time.Instant> lockouts() {
		Map<String, java.time.Instant> locked = new java.util.HashMap<>();
		jdbc.query("""
				SELECT username, max(locked_until) AS locked_until FROM login_throttle
				WHERE username IS NOT NULL AND locked_until > now() GROUP BY username""",
				(java.sql.ResultSet rs) -> {
					locked.put(rs.getString("username"), rs.getTimestamp("locked_until").toInstant());
				});
		return locked;
	}

	/** The user's throttles in force, longest first. */
	@Transactional(readOnly = true)
	List<Throttle> throttles(String username) {
		return jdbc.query("""
				SELECT scope, address, locked_until FROM login_throttle
				WHERE username = ? AND locked_until > now() ORDER BY locked_until DESC""",
				(rs, n) -> new Throttle(rs.getString("scope").toLowerCase(java.util.Locale.ROOT), rs.getString("address"),
						rs.getTimestamp("locked_until").toInstant()),
				LoginThrottle.userKey(username));
	}

	/** When the user's last throttle in force ends, if one is. */
	Optional<java.time.Instant> lockedUntil(String username) {
		return throttles(username).stream().map(Throttle::lockedUntil).findFirst();
	}

	/**
	 * Clears the user's throttles and failure counts: the locked addresses of its name, its device cookies' and its
	 * name's wait (not the addresses' own counts: a police station's shared address may be locked because of someone
	 * else). Audited as {@code user.unlocked}; false when nothing was in force.
	 */
	@Transactional
	boolean unlock(long id) {
		UserSummary user = require(id);
		List<Throttle> cleared = throttles(user.username());
		jdbc.update("DELETE FROM login_throttle WHERE username = ?", LoginThrottle.userKey(user.username()));
		if (cleared.isEmpty()) {
			return false;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("locked_until", cleared.get(0).lockedUntil().toString());
		details.put("cleared", cleared.stream()
			.map(t -> t.address() == null ? t.scope() : t.scope() + " " + t.address()).toList());
		audit.record("user.unlocked", "user", user.username(), details);
		return true;
	}

	@Transactional
	void resetPassword(long id, String password) {
		UserSummary user = require(id);
		List<Violation> violations = new ArrayList<>();
		checkPassword(password, user.username(), violations);
		if (!violations.isEmpty()) {
			throw new InvalidRequest("The user is not valid", violations);
		}
		jdbc.update("UPDATE app_user SET password_hash = ?, updated_at = now() WHERE id = ?",
				passwordEncoder.encode(password), id);
		// A reset usually means the old password is known to someone else: forget the lockout too.
		jdbc.update("DELETE FROM login_throttle WHERE username = ?", LoginThrottle.userKey(user.username()));
		audit.record("user.password_reset", "user", user.username(), Map.of("sessionsEnded", !isCurrentUser(user)));
		if (!isCurrentUser(user)) {
			afterCommitLogOut(user.username());
		}
		else {
			verified.forget(user.username());
		}
	}

	private UserSummary require(long id) {
		return find(id).orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "No user " + id));
	}

	private String checkDetails(String displayName, Set<Role> roles, Long vendorId, Long precinctId,
			List<Violation> violations) {
		String name = displayName == null ? "" : displayName.strip();
		if (name.isEmpty()) {
			violations.add(new Violation("displayName", "user.error.displayName.required", new Object[0], "Display name is required"));
		}
		else if (name.length() > 200) {
			violations.add(new Violation("displayName", "user.error.displayName.long", new Object[] { 200 },
					"Display name is longer than 200 characters"));
		}
		if (roles == null || roles.isEmpty()) {
			violations.add(new Violation("roles", "user.error.roles.required", new Object[0], "Choose at least one role"));
		}
		if (vendorId != null && precinctId != null) {
			violations.add(new Violation("precinctId", "user.error.scope.both", new Object[0],
					"Choose a vendor or a precinct as scope, not both"));
		}
		if (vendorId != null && !exists("vendor", vendorId)) {
			violations.add(new Violation("vendorId", "user.error.vendor.unknown", new Object[] { vendorId }, "No vendor " + vendorId));
		}
		if (precinctId != null && !exists("precinct", precinctId)) {
			violations.add(new Violation("precinctId", "user.error.precinct.unknown", new Object[] { precinctId },
					"No precinct " + precinctId));
		}
		boolean technician = roles != null && roles.contains(Role.VENDOR_TECHNICIAN);
		if (technician && vendorId == null) {
			violations.add(new Violation("vendorId", "user.error.vendor.required", new Object[0],
					"A vendor technician needs the vendor they work for"));
		}
		if (!technician && vendorId != null) {
			violations.add(new Violation("vendorId", "user.error.vendor.onlyTechnician", new Object[0],
					"Only vendor technicians have a vendor as scope"));
		}
		return name;
	}

	/**
	 * The precinct a user is scoped to: the one chosen, or the station's when only a station is chosen. A station
	 * that does not exist or lies under another precinct than the one chosen is refused.
	 */
	private Long precinctOf(Long precinctId, Long stationId, List<Violation> violations) {
		if (stationId == null) {
			return precinctId;
		}
		Long stationPrecinct = jdbc.queryForList("SELECT precinct_id FROM station WHERE id = ?", Long.class, stationId)
			.stream().findFirst().orElse(null);
		if (stationPrecinct == null) {
			violations.add(new Violation("stationId", "user.error.station.unknown", new Object[] { stationId },
					"No police station " + stationId));
			return precinctId;
		}
		if (precinctId != null && !precinctId.equals(stationPrecinct)) {
			violations.add(new Violation("stationId", "user.error.station.otherPrecinct", new Object[0],
					"The police station is not under the chosen precinct"));
			return precinctId;
		}
		return stationPrecinct;
	}

	private void checkPassword(String password, String username, List<Violation> violations) {
		if (password == null || password.codePointCount(0, password.length()) < minPasswordLength) {
			violations.add(new Violation("password", "user.error.password.short", new Object[] { minPasswordLength },
					"The password must have at least " + minPasswordLength + " characters"));
		}
		else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			violations.add(new Violation("password", "user.error.password.long", new Object[] { MAX_PASSWORD_BYTES },
					"The password is longer than " + MAX_PASSWORD_BYTES + " bytes"));
		}
		else if (password.strip().equalsIgnoreCase(username)) {
			violations.add(new Violation("password", "user.error.password.username", new Object[0],
					"The password must not be the user name"));
		}
	}

	private boolean exists(String table, long id) {
		return Boolean.TRUE.equals(
				jdbc.queryForObject("SELECT exists(SELECT 1 FROM " + table + " WHERE id = ?)", Boolean.class, id));
	}

	private int enabledAdminsOtherThan(long id) {
		return jdbc.queryForObject("""
				SELECT count(*) FROM app_user u JOIN app_user_role r ON r.user_id = u.id
				WHERE r.role = 'ADMIN' AND u.enabled AND u.id <> ?""", Integer.class, id);
	}

	private static boolean isCurrentUser(UserSummary user) {
		return user.username().equals(AuditLog.currentActor());
	}

	private void insertRoles(long id, Set<Role> roles) {
		for (Role role : roles) {
			jdbc.update("INSERT INTO app_user_role (user_id, role) VALUES (?, ?)", id, role.name());
		}
	}

	/** Ends the user's sessions on this node and forgets its cached API credentials, once the change is committed. */
	private void afterCommitLogOut(String username) {
		Runnable logOut = () -> {
			verified.forget(username);
			for (Object principal : sessions.getAllPrincipals()) {
				if (principal instanceof UserDetails details && details.getUsername().equals(username)) {
					sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
				}
			}
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					logOut.run();
				}
			});
		}
		else {
			logOut.run();
		}
	}

	private List<UserSummary> query(String condition, String order, Object... args) {
		return jdbc.query("""
				SELECT u.id, u.username, u.display_name, u.enabled, u.vendor_id, v.name_zh AS vendor_name,
				       u.precinct_id, p.name_zh AS precinct_zh, p.name_en AS precinct_en, u.created_at, u.demo,
				       u.station_id, st.name_zh AS station_zh, coalesce(st.name_en, st.name_zh) AS station_en,
				       array_remove(array_agg(r.role ORDER BY r.role), NULL) AS roles
				FROM app_user u
				LEFT JOIN app_user_role r ON r.user_id = u.id
				LEFT JOIN vendor v ON v.id = u.vendor_id
				LEFT JOIN precinct p ON p.id = u.precinct_id
				LEFT JOIN station st ON st.id = u.station_id
				WHERE %s
				GROUP BY u.id, v.name_zh, p.name_zh, p.name_en, st.name_zh, st.name_en
				ORDER BY %s""".formatted(condition, order),
				(rs, n) -> {
					Array roles = rs.getArray("roles");
					Set<Role> set = EnumSet.noneOf(Role.class);
					Arrays.stream((Object[]) roles.getArray()).map(r -> Role.valueOf((String) r)).forEach(set::add);
					return new UserSummary(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
							rs.getBoolean("enabled"), set, (Long) rs.getObject("vendor_id"), rs.getString("vendor_name"),
							(Long) rs.getObject("precinct_id"), rs.getString("precinct_zh"), rs.getString("precinct_en"),
							LocalDate.ofInstant(rs.getTimestamp("created_at").toInstant(), zone), rs.getBoolean("demo"),
							(Long) rs.getObject("station_id"), rs.getString("station_zh"), rs.getString("station_en"));
				}, args);
	}

	private static List<String> sorted(Set<Role> roles) {
		return roles == null ? List.of() : new TreeSet<>(roles.stream().map(Role::name).toList()).stream().toList();
	}

	private static void diff(Map<String, Object> changed, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changed.put(field, Arrays.asList(before, after));
		}
	}
}
