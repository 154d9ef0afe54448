package io.watchkeeper.security;

import org.springframework.security.authentication.LockedException;

/**
 * A login refused without checking the password: its pair, address or device cookie is locked out, or its user
 * name makes untrusted browsers wait.
 */
class LoginThrottledException extends LockedException {

	private final transient LoginThrottle.Lock lock;

	LoginThrottledException(LoginThrottle.Lock lock) {
		super(lock.slowdown()
				? "Too many failed attempts for this user name; try again in " + Math.max(1, lock.secondsLeft()) + " seconds"
				: "Too many failed attempts; try again in " + lock.minutesLeft() + " minutes");
		this.lock = lock;
	}

	LoginThrottle.Lock lock() {
		return lock;
	}
}
