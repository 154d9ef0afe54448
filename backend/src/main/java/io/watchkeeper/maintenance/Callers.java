package io.watchkeeper.maintenance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Resolves who is asking ({@link Caller}) from the authenticated user: the roles from the authentication, the
 * vendor and squad from {@code app_user} (read per request, so that moving a technician to another vendor takes
 * effect at once).
 */
@Component
public class Callers {

	private final NamedParameterJdbcTemplate jdbc;

	Callers(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Caller of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return new Caller("anonymous", false, null, null);
		}
		Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		String username = authentication.getName();
		boolean dispatches = roles.contains("ROLE_ADMIN") || roles.contains("ROLE_DISPATCHER");
		boolean technician = roles.contains("ROLE_VENDOR_TECHNICIAN");
		boolean squadMember = roles.contains("ROLE_SQUAD_MEMBER");
		if (!technician && !squadMember) {
			return new Caller(username, dispatches, null, null);
		}
		List<Map<String, Object>> rows = jdbc.queryForList(
				"SELECT vendor_id, squad_id FROM app_user WHERE username = :username AND enabled",
				Map.of("username", username));
		Long vendorId = null;
		Long squadId = null;
		if (!rows.isEmpty()) {
			vendorId = technician ? toLong(rows.get(0).get("vendor_id")) : null;
			squadId = squadMember ? toLong(rows.get(0).get("squad_id")) : null;
		}
		return new Caller(username, dispatches, vendorId, squadId);
	}

	private static Long toLong(Object value) {
		return value == null ? null : ((Number) value).longValue();
	}
}
