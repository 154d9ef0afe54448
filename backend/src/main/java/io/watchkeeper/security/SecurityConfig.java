package io.watchkeeper.security;

import static io.watchkeeper.security.Role.*;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. This class is the one place where URL access is decided; {@code AccessRulesIT}
 * checks it per role. API: HTTP Basic (stateless clients) or the page session. Pages: form login with CSRF.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

	static final String[] PUBLIC = { "/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
			"/error", "/actuator/health" };

	static String[] roles(Role... roles) {
		String[] names = new String[roles.length];
		for (int i = 0; i < roles.length; i++) {
			names[i] = roles[i].name();
		}
		return names;
	}

	/** Everyone who works with the camera registry may read it. */
	static final String[] REGISTRY_READERS = roles(ADMIN, DISPATCHER, VENDOR_TECHNICIAN, SQUAD_MEMBER, PROCUREMENT,
			INVESTIGATOR, VIEWER);

	/** Who may create, edit, decommission and import cameras. */
	static final String[] REGISTRY_EDITORS = roles(ADMIN, DISPATCHER);

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**", "/v3/api-docs/**")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/v3/api-docs/**").authenticated()
				.requestMatchers("/api/admin/**", "/api/audit/**").hasRole(ADMIN.name())
				.requestMatchers(HttpMethod.GET, "/api/cameras/**", "/api/precincts/**", "/api/districts/**",
						"/api/funding-sources/**", "/api/projects/**").hasAnyRole(REGISTRY_READERS)
				.requestMatchers("/api/cameras/**", "/api/imports/**").hasAnyRole(REGISTRY_EDITORS)
				.anyRequest().hasRole(ADMIN.name()))
			.httpBasic(basic -> {})
			// Basic-authenticated calls carry no ambient credentials a forged page could use; session calls do.
			.csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(auth -> auth
				.requestMatchers(PUBLIC).permitAll()
				.requestMatchers("/admin/**").hasRole(ADMIN.name())
				.requestMatchers("/cameras/new", "/cameras/*/edit", "/cameras/*/decommission", "/imports/**")
				.hasAnyRole(REGISTRY_EDITORS)
				.requestMatchers("/swagger-ui.html", "/swagger-ui/**").authenticated()
				.anyRequest().hasAnyRole(REGISTRY_READERS))
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
		return http.build();
	}
}
