package io.watchkeeper.investigation;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Resolves the {@link Investigator} from the authenticated user; the precinct is read from {@code app_user} per
 * request, so moving an investigator to another precinct takes effect at once.
 */
@Component
class Investigators {

	private final NamedParameterJdbcTemplate jdbc;

	Investigators(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Investigator of(Authentication authentication) {
		boolean admin = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.anyMatch("ROLE_ADMIN"::equals);
		List<Long> precinct = jdbc.query("SELECT precinct_id FROM app_user WHERE username = :u",
				Map.of("u", authentication.getName()), (rs, n) -> rs.getObject(1) == null ? null : rs.getLong(1));
		return new Investigator(authentication.getName(), admin, precinct.isEmpty() ? null : precinct.get(0));
	}
}
