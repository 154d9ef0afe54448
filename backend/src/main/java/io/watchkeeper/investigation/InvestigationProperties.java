package io.watchkeeper.investigation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the investigators' module ({@code watchkeeper.investigation.*}).
 *
 * @param defaultRetentionDays footage retention of a camera that has none of its own (the city default), in days:
 *        a camera's footage of a window is overwritten this many days after the window's start
 * @param defaultFovDeg field of view assumed for a camera with a heading but no recorded angle
 * @param caseNumberPattern the format a case number must match (a regular expression)
 */
@ConfigurationProperties("watchkeeper.investigation")
public record InvestigationProperties(@DefaultValue("30") int defaultRetentionDays, @DefaultValue("60") int defaultFovDeg,
		@DefaultValue("[A-Za-z0-9][A-Za-z0-9-]{2,39}") String caseNumberPattern) {

	public InvestigationProperties {
		if (defaultRetentionDays < 1 || defaultRetentionDays > 3650 || defaultFovDeg < 1 || defaultFovDeg > 360) {
			throw new IllegalArgumentException(
					"watchkeeper.investigation: default-retention-days 1..3650, default-fov-deg 1..360");
		}
	}
}
