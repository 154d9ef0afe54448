package io.watchkeeper.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {

	@Test
	void textAFormulaCouldStartWithIsDefusedAndOtherTextKept() {
		assertThat(SpreadsheetText.defuse("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(SpreadsheetText.defuse("+1")).isEqualTo("'+1");
		assertThat(SpreadsheetText.defuse("-2")).isEqualTo("'-2");
		assertThat(SpreadsheetText.defuse("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetText.defuse("\tx")).isEqualTo("'\tx");
		assertThat(SpreadsheetText.defuse("中正路=五福路")).isEqualTo("中正路=五福路");
		assertThat(SpreadsheetText.defuse("")).isEmpty();
		assertThat(SpreadsheetText.defuse(null)).isNull();
	}
}
