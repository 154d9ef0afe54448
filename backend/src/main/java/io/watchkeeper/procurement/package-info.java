/**
 * Procurement and funding, read side: the seed report's funding sources, procurement projects with their
 * milestones and the precincts' maintenance contracts, as pages every role but vendors and squads may read (their
 * budgets are other companies' money).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procurement")
package io.watchkeeper.procurement;
