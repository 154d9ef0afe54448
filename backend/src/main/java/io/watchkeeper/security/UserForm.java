package io.watchkeeper.security;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the new-user and edit-user forms send. The checks are in {@link UserAdministration}. */
class UserForm {

	private String username;
	private String displayName;
	private Set<Role> roles = new LinkedHashSet<>();
	private Long vendorId;
	private Long precinctId;
	private Long stationId;
	private String password;
	private String passwordRepeat;

	static UserForm of(UserAdministration.UserSummary user) {
		UserForm form = new UserForm();
		form.username = user.username();
		form.displayName = user.displayName();
		form.roles = new LinkedHashSet<>(user.roles());
		form.vendorId = user.vendorId();
		form.precinctId = user.precinctId();
		form.stationId = user.stationId();
		return form;
	}

	UserAdministration.NewUser toNewUser() {
		return new UserAdministration.NewUser(username, displayName, roleSet(), vendorId, precinctId, stationId, password);
	}

	UserAdministration.Changes toChanges() {
		return new UserAdministration.Changes(displayName, roleSet(), vendorId, precinctId, stationId);
	}

	private Set<Role> roleSet() {
		return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public Set<Role> getRoles() {
		return roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = roles;
	}

	public Long getVendorId() {
		return vendorId;
	}

	public void setVendorId(Long vendorId) {
		this.vendorId = vendorId;
	}

	public Long getPrecinctId() {
		return precinctId;
	}

	public void setPrecinctId(Long precinctId) {
		this.precinctId = precinctId;
	}

	public Long getStationId() {
		return stationId;
	}

	public void setStationId(Long stationId) {
		this.stationId = stationId;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getPasswordRepeat() {
		return passwordRepeat;
	}

	public void setPasswordRepeat(String passwordRepeat) {
		this.passwordRepeat = passwordRepeat;
	}
}
