package io.watchkeeper.security;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A fresh installation without demo data has no user at all. With
 * {@code watchkeeper.security.bootstrap-admin.password} set (e.g. {@code WATCHKEEPER_SECURITY_BOOTSTRAPADMIN_PASSWORD}),
 * an administrator is created on start while no enabled administrator exists; the setting can then be removed.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final JdbcTemplate jdbc;
	private final UserAdministration users;
	private final SecuritySettings.BootstrapAdmin settings;

	BootstrapAdmin(JdbcTemplate jdbc, UserAdministration users, SecuritySettings settings) {
		this.jdbc = jdbc;
		this.users = users;
		this.settings = settings.bootstrapAdmin();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (settings.password() == null || settings.password().isBlank()) {
			return;
		}
		Integer admins = jdbc.queryForObject("""
				SELECT count(*) FROM app_user u JOIN app_user_role r ON r.user_id = u.id
				WHERE r.role = 'ADMIN' AND u.enabled""", Integer.class);
		if (admins != null && admins > 0) {
			return;
		}
		try {
			users.create(new UserAdministration.NewUser(settings.username(), "Administrator", EnumSet.of(Role.ADMIN),
					null, null, null, settings.password()));
		}
		catch (InvalidRequest e) {
			throw new IllegalStateException("Cannot create the administrator of watchkeeper.security.bootstrap-admin: "
					+ e.violations().stream().map(InvalidRequest.Violation::english).toList(), e);
		}
		log.info("Created administrator '{}' from watchkeeper.security.bootstrap-admin; remove the password setting now",
				settings.username());
	}
}
