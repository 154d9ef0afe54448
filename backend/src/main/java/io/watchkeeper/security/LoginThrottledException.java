package io.watchkeeper.security;

import org.springframework.security.authentication.LockedException;

/** A login refused without checking the password because the user name or the address is locked out. */
class LoginThrottledException extends LockedException {

	private final transient LoginThrottle.Lock lock;

	LoginThrottledException(LoginThrottle.Lock lock) {
		super("Too many failed attempts; try again in " + lock.minutesLeft() + " minutes");
		this.lock = lock;
	}

	LoginThrottle.Lock lock() {
		return lock;
	}
}
