package io.watchkeeper.investigation;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The case settings of the investigation module ({@code watchkeeper.investigation.*}, beside the canvass settings).
 *
 * @param caseNumberPattern the format of a case number (a Java regular expression matched against the whole number);
 *        default {@link CaseNumber#DEFAULT_PATTERN}
 */
@ConfigurationProperties("watchkeeper.investigation")
record CaseProperties(String caseNumberPattern) {

	CaseProperties {
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
