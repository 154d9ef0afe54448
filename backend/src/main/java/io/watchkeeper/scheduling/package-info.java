/**
 * Scheduling: Quartz with the clustered JDBC job store (tables owned by Flyway). Each job is thin and calls
 * one application service of another module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling")
package io.watchkeeper.scheduling;
