/**
 * Reporting: maintenance figures per period, precinct, contract and vendor (outages, downtime, availability,
 * mean time to restore, orders opened and closed, restored by vendors and restored in-house).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package io.watchkeeper.reporting;
