package io.watchkeeper.security;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Users from {@code app_user}. Also stores a re-hashed password when the delegating encoder says a stored
 * hash is outdated (another algorithm or a lower bcrypt cost), at the user's next successful login.
 */
@Service
class DatabaseUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final JdbcTemplate jdbc;

	DatabaseUserDetailsService(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		List<UserDetails> users = jdbc.query("""
				SELECT u.username, u.password_hash, u.enabled,
				       array_remove(array_agg(r.role ORDER BY r.role), NULL) AS roles
				FROM app_user u LEFT JOIN app_user_role r ON r.user_id = u.id
				WHERE u.username = ?
				GROUP BY u.id""", (rs, n) -> {
			Array roles = rs.getArray("roles");
			List<SimpleGrantedAuthority> authorities = Arrays.stream((Object[]) roles.getArray())
				.map(role -> new SimpleGrantedAuthority("ROLE_" + role))
				.toList();
			return User.withUsername(rs.getString("username"))
				.password(rs.getString("password_hash"))
				.disabled(!rs.getBoolean("enabled"))
				.authorities(authorities)
				.build();
		}, username);
		if (users.isEmpty()) {
			throw new UsernameNotFoundException("No user " + username);
		}
		return users.get(0);
	}

	@Override
	public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
		jdbc.update("UPDATE app_user SET password_hash = ? WHERE username = ?", newPasswordHash, user.getUsername());
		return User.withUserDetails(user).password(newPasswordHash).build();
	}
}
