package io.watchkeeper.security;

import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How users prove who they are, and the web protections around it. What each role may do is in
 * {@link AccessRules}. API ({@code /api/**}): HTTP Basic for programs, or the page session for the pages'
 * own scripts; refusals are problem-details JSON. Pages: form login, a session with fixation protection,
 * CSRF tokens. Both: a strict Content-Security-Policy and the other security headers.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

	static final String LOGIN_PAGE = "/login";

	/** bcrypt by default, behind the delegating encoder so a later switch re-hashes at the next login. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
		events.setAdditionalExceptionMappings(Map.of(LoginThrottledException.class, AuthenticationFailureLockedEvent.class));
		// Whatever else goes wrong in a login counts as a failed login, never as nothing.
		events.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
		return events;
	}

	@Bean
	AuthenticationManager authenticationManager(DatabaseUserDetailsService users, PasswordEncoder passwordEncoder,
			LoginThrottle throttle, VerifiedCredentials verified, DeviceCookies devices,
			AuthenticationEventPublisher events) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		passwords.setUserDetailsPasswordService(users);
		ProviderManager manager = new ProviderManager(new ThrottlingAuthenticationProvider(passwords, throttle, verified, devices));
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	/** Knows every session on this node, so that disabling a user ends the sessions it has open. */
	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager, SecuritySettings settings,
			ApplicationContext context, MachineTokens machineTokens) throws Exception {
		ApiProblems problems = new ApiProblems();
		UnknownApiPaths unknownPaths = new UnknownApiPaths(context);
		http.securityMatcher("/api/**", "/v3/api-docs/**")
			// machine tokens of the health feed (Bearer, /api/health/** only), before HTTP Basic
			.addFilterBefore(new MachineTokenFilter(machineTokens, problems), BasicAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> AccessRules.api(auth, unknownPaths))
			// HTTP Basic and anonymous requests never start a session (no JSESSIONID on a 401 or on a Basic call);
			// the pages' scripts still use the session their page has.
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.authenticationManager(authenticationManager)
			.httpBasic(basic -> basic.realmName(ApiProblems.REALM).authenticationEntryPoint(problems))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			// CSRF is about ambient credentials: a forged request carries the victim's session cookie. A request
			// with its own Basic or Bearer credentials, or with no session at all, has nothing a forger could borrow.
			.csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::carriesNoAmbientCredentials));
		securityHeaders(http, settings);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager,
			SecuritySettings settings, SessionRegistry sessionRegistry, DeviceCookies devices) throws Exception {
		http.authorizeHttpRequests(AccessRules::pages)
			.authenticationManager(authenticationManager)
			.formLogin(form -> form.loginPage(LOGIN_PAGE)
				.successHandler(new KnownBrowserSuccessHandler(devices))
				.failureHandler(new LoginFailureHandler())
				.permitAll())
			// Refusals (a role that may not, a missing or expired CSRF token) end on the error page, which tells
			// the two apart by the exception it finds in the request (Spring's default handler does not keep it).
			.exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> {
				request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
			}))
			.logout(logout -> logout.logoutSuccessUrl(LOGIN_PAGE + "?logout").deleteCookies("JSESSIONID").permitAll())
			.sessionManagement(session -> session
				.sessionFixation(fixation -> fixation.changeSessionId())
				.maximumSessions(-1)
				.sessionRegistry(sessionRegistry)
				.expiredUrl(LOGIN_PAGE + "?expired"));
		securityHeaders(http, settings);
		return http.build();
	}

	static boolean carriesNoAmbientCredentials(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return (authorization != null && (authorization.regionMatches(true, 0, "Basic ", 0, 6)
				|| authorization.regionMatches(true, 0, "Bearer ", 0, 7)))
				|| request.getSession(false) == null;
	}

	/**
	 * Scripts and styles only from our own origin (so no inline script or style attribute on any page),
	 * images also from the configured tile servers; no framing; the origin only as referrer to other sites
	 * (tile servers such as OpenStreetMap's ask for one); HSTS on HTTPS requests. The one exception is
	 * Swagger UI, whose bundle injects a style element: its pages may use inline styles, never inline scripts.
	 */
	private static void securityHeaders(HttpSecurity http, SecuritySettings settings) throws Exception {
		String strict = contentSecurityPolicy(settings, "'self'");
		String swagger = contentSecurityPolicy(settings, "'self' 'unsafe-inline'");
		RequestMatcher swaggerUi = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));
		http.headers(headers -> headers
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
					new ContentSecurityPolicyHeaderWriter(strict)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
					new ContentSecurityPolicyHeaderWriter(swagger)))
			.contentTypeOptions(options -> {
			})
			.frameOptions(frames -> frames.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions
				.policy("camera=(), microphone=(), payment=(), usb=(), geolocation=(self)"))
			.crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
			.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
	}

	static String contentSecurityPolicy(SecuritySettings settings, String styleSources) {
		String imgSources = String.join(" ", settings.cspImgSources());
		return "default-src 'self'; script-src 'self'; style-src " + styleSources + "; "
				+ ("img-src 'self' data: " + imgSources).strip() + "; font-src 'self'; connect-src 'self'"
				+ "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
	}
}
