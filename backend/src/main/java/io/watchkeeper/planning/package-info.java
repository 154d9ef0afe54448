/**
 * Planning: procurement's replacement cycle ahead of time. The end-of-life forecast by fiscal year (with the ROC
 * year) and its cost from the planner's price list; budget-capped replacement plans ranked by a priority score whose
 * parts are shown; saved plans compared side by side; a plan year made into a procurement project with its
 * replacement orders; and the maintenance budget split over the precincts by their out-of-warranty cameras.
 * The delivery of a replacement (the new camera on the old one's pole) is maintenance's closing of the order.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planning")
package io.watchkeeper.planning;
