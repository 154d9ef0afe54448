package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * With no trusted proxy configured (the default), a client's X-Forwarded-For is ignored: the audit log and the
 * login throttle see the connection's own address. (With loopback listed, as in the other tests' configuration,
 * the header is believed: {@link AuditLogIT}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "watchkeeper.security.trusted-proxies=")
@Import(SecurityHttpSupport.AccessProbe.class)
class ForwardedAddressIT extends SecurityHttpSupport {

	@Test
	void aForgedForwardedForChangesNeitherTheAuditedAddressNorTheThrottleKey() {
		String forged = "203.0.113.177";
		assertThat(api("GET", "/api/cameras/access-probe", "it-forger", "wrong", forged).statusCode()).isEqualTo(401);
		List<String> audited = jdbc.queryForList(
				"SELECT remote_addr FROM audit_event WHERE action = 'auth.login_failed' AND object_id = 'it-forger'",
				String.class);
		assertThat(audited).hasSize(1);
		assertThat(audited.get(0)).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM login_throttle WHERE key LIKE ?", Integer.class,
				"%" + forged + "%")).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM login_throttle WHERE key LIKE ?", Integer.class,
				"%" + audited.get(0) + "%")).isPositive();
	}
}
