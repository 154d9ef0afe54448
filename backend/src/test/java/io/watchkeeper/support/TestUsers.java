package io.watchkeeper.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Creates users for tests straight in the database (idempotent per user name). */
public final class TestUsers {

	private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private TestUsers() {
	}

	/** Creates (or resets) a user with one role, e.g. {@code ensure(jdbc, "it-admin", "secret", "ADMIN")}. */
	public static void ensure(JdbcTemplate jdbc, String username, String password, String role) {
		jdbc.update("""
				INSERT INTO app_user (username, display_name, password_hash) VALUES (?, ?, ?)
				ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, enabled = true""",
				username, username, ENCODER.encode(password));
		jdbc.update("""
				INSERT INTO app_user_role (user_id, role) SELECT id, ? FROM app_user WHERE username = ?
				ON CONFLICT DO NOTHING""", role, username);
	}
}
