package io.watchkeeper.security;

/** The roles of DESIGN.md section 1. Spring authorities are {@code ROLE_} + name. */
public enum Role {
	ADMIN, DISPATCHER, VENDOR_TECHNICIAN, SQUAD_MEMBER, PROCUREMENT, INVESTIGATOR, VIEWER;

	public String authority() {
		return "ROLE_" + name();
	}
}
