package io.watchkeeper.reporting;

import org.springframework.stereotype.Component;

/**
 * Writes the report's text from its figures, in zh-TW in the council report's conventions (amounts as
 * 3,995萬5,000元, dates as 112年3月30日, counts in 支 and 件) and in English. TODO(helper C2): implement.
 */
@Component
public class HalfYearWording {

	/** The text of {@code report} (its own {@code text} is ignored). */
	public HalfYearReport.Text text(HalfYearReport report) {
		throw new UnsupportedOperationException("not yet");
	}
}
