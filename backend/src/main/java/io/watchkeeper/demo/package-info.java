/**
 * Demo data: a deterministic, believable Kaohsiung camera fleet with the seed report's money, projects,
 * vendors and maintenance contracts, and one demo user per role. Loaded on first start when enabled, or by
 * {@code scripts/generate-demo}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package io.watchkeeper.demo;
