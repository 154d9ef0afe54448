package io.watchkeeper.security;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class DatabaseUserDetailsService implements UserDetailsService {

	private final JdbcTemplate jdbc;

	DatabaseUserDetailsService(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		List<UserDetails> users = jdbc.query("SELECT id, username, password_hash, enabled FROM app_user WHERE username = ?",
				(rs, n) -> {
					List<SimpleGrantedAuthority> authorities = jdbc.queryForList(
							"SELECT role FROM app_user_role WHERE user_id = ?", String.class, rs.getLong("id"))
						.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
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
}
