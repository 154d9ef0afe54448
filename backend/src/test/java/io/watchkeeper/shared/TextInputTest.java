package io.watchkeeper.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextInputTest {

	@Test
	void controlCharactersAndLoneSurrogatesAreRefusedWithTheirCodePoint() {
		assertThat(TextInput.problem("ab\u0000c")).isEqualTo("contains the control character U+0000 at position 3");
		assertThat(TextInput.problem("\u001b[31m")).contains("U+001B");
		assertThat(TextInput.problem("del\u007f")).contains("U+007F");
		assertThat(TextInput.problem("x\ud800y")).contains("lone surrogate U+D800");
		assertThat(TextInput.problem("\udc00")).contains("lone surrogate U+DC00");
	}

	@Test
	void multiLineTextAndAstralCharactersAreFine() {
		assertThat(TextInput.problem("line one\r\nline\ttwo")).isNull();
		assertThat(TextInput.problem("𠀋 高雄 😀")).isNull();
		assertThat(TextInput.problem(null)).isNull();
	}
}
