/**
 * Maintenance: work orders (repair, replacement, decommission, inspection) with their states, history,
 * photos and routing to a vendor under warranty, the precinct's maintenance contract or an in-house repair
 * squad; the SLA clock from the contract's targets; the lifecycle and warranty work the jobs run.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Maintenance")
package io.watchkeeper.maintenance;
