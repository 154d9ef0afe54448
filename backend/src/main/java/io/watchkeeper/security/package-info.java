/**
 * Users, roles, who may do what, login and the append-only audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package io.watchkeeper.security;
