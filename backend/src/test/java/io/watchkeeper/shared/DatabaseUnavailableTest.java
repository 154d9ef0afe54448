package io.watchkeeper.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableTest {

	@Test
	void connectionFailuresAnywhereInTheChainMeanUnavailable() {
		assertThat(DatabaseUnavailable.isCause(new CannotGetJdbcConnectionException("no connection"))).isTrue();
		assertThat(DatabaseUnavailable.isCause(new CannotCreateTransactionException("Could not open JPA EntityManager",
				new RuntimeException(new SQLTransientConnectionException("pool - Connection is not available"))))).isTrue();
		assertThat(DatabaseUnavailable.isCause(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
		assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
		assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"))))
			.isTrue();
		assertThat(DatabaseUnavailable.isCause(new SQLException("the database system is starting up", "57P03"))).isTrue();
	}

	@Test
	void otherDatabaseErrorsAreDefectsOrBadInput() {
		assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("duplicate",
				new SQLException("duplicate key", "23505")))).isFalse();
		assertThat(DatabaseUnavailable.isCause(new SQLException("canceling statement due to statement timeout", "57014")))
			.isFalse();
		assertThat(DatabaseUnavailable.isCause(new IllegalStateException("bug"))).isFalse();
	}
}
