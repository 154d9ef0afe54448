package io.watchkeeper.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Whether an error means "the database cannot be reached right now" (stopped, restarting, network away) rather
 * than a defect: then the API answers 503 with {@code Retry-After} and a problem detail, pages a polite
 * "temporarily unavailable" page, instead of 500. Looks through the whole cause chain, since Spring, Hibernate
 * and the pool wrap the driver's error (e.g. {@code CannotCreateTransactionException} caused by Hibernate's
 * {@code JDBCConnectionException} caused by the pool's {@code SQLTransientConnectionException}).
 */
public final class DatabaseUnavailable {

	/** What {@code Retry-After} says: the pool gives up on a connection within about 3 s, so try again soon. */
	public static final int RETRY_AFTER_SECONDS = 5;

	/** SQLState of the server going away: admin shutdown, crash shutdown, cannot connect now (starting up). */
	private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

	private DatabaseUnavailable() {
	}

	public static boolean isCause(Throwable error) {
		int depth = 0;
		for (Throwable t = error; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
			if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
					|| t instanceof SQLNonTransientConnectionException || t instanceof ConnectException
					|| t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || SHUTDOWN_STATES.contains(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}
}
