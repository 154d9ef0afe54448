package io.watchkeeper.maintenance;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.watchkeeper.security.Role;

/**
 * Resolves the {@link CameraScope} of the signed-in user: the roles that work with the whole registry see the
 * whole city; vendor technicians and squad members (and any role not named here) only what they maintain,
 * from their vendor and squad as {@link Callers} reads them.
 */
@Component
public class CameraScopes {

	/** The roles that read the whole registry; every other role sees only what it maintains. */
	static final Set<Role> WHOLE_CITY = EnumSet.of(Role.ADMIN, Role.DISPATCHER, Role.PROCUREMENT, Role.INVESTIGATOR,
			Role.VIEWER);

	private final Callers callers;

	CameraScopes(Callers callers) {
		this.callers = callers;
	}

	/**
	 * The scope of the current request's user. Outside a request (a job, an import, a test calling a service)
	 * there is no user, and the application sees the whole registry; an anonymous user sees nothing.
	 */
	public CameraScope current() {
		return of(SecurityContextHolder.getContext().getAuthentication());
	}

	public CameraScope of(Authentication authentication) {
		if (authentication == null) {
			return CameraScope.WHOLE_CITY;
		}
		if (!authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
			return CameraScope.NOTHING;
		}
		boolean wholeCity = authentication.getAuthorities().stream()
			.anyMatch(a -> WHOLE_CITY.stream().anyMatch(r -> r.authority().equals(a.getAuthority())));
		if (wholeCity) {
			return CameraScope.WHOLE_CITY;
		}
		Caller caller = callers.of(authentication);
		return new CameraScope(false, caller.vendorId(), caller.squadId());
	}
}
