package io.watchkeeper.investigation;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the investigators' module ({@code watchkeeper.investigation.*}).
 *
 * @param defaultRetentionDays footage retention of a camera that has none of its own (the city default), in days:
 *        a camera's footage of a window is overwritten this many days after the window's start
 * @param defaultFovDeg field of view assumed for a camera with a heading but no recorded angle
 * @param caseNumberPattern the format of a case number (a Java regular expression matched against the whole number);
 *        empty: {@link CaseNumber#DEFAULT_PATTERN} (letters including CJK, digits, hyphens; 3 to 40 characters)
 */
@ConfigurationProperties("watchkeeper.investigation")
public record InvestigationProperties(@DefaultValue("30") int defaultRetentionDays, @DefaultValue("60") int defaultFovDeg,
		String caseNumberPattern) {

	public InvestigationProperties {
		if (defaultRetentionDays < 1 || defaultRetentionDays > 3650 || defaultFovDeg < 1 || defaultFovDeg > 360) {
			throw new IllegalArgumentException(
					"watchkeeper.investigation: default-retention-days 1..3650, default-fov-deg 1..360");
		}
		caseNumberPattern = caseNumberPattern == null || caseNumberPattern.isBlank() ? CaseNumber.DEFAULT_PATTERN
				: caseNumberPattern;
		try {
			Pattern.compile(caseNumberPattern);
		}
		catch (PatternSyntaxException e) {
			throw new IllegalStateException("watchkeeper.investigation.case-number-pattern is not a regular expression: "
					+ e.getMessage(), e);
		}
	}

	Pattern caseNumberFormat() {
		return Pattern.compile(caseNumberPattern);
	}
}
