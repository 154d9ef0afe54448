package io.watchkeeper.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.watchkeeper.shared.InvalidInputException;

class AssetTagTest {

	@Test
	void normalisesCaseAndSpaces() {
		assertThat(AssetTag.of("  laaa001-01 ").value()).isEqualTo("LAAA001-01");
		assertThat(AssetTag.of("laaa001-01")).isEqualTo(AssetTag.of("LAAA001-01"));
	}

	@Test
	void aTagWithSiteAndIndexNamesItsSite() {
		AssetTag tag = AssetTag.of("LAAA001-01");
		assertThat(tag.siteCode()).contains("LAAA001");
		assertThat(tag.siteIndex()).contains(1);
		assertThat(AssetTag.of("KH-0042").siteCode()).as("four digits is not a site index").isEmpty();
		assertThat(AssetTag.of("KH-0042").siteIndex()).isEmpty();
		assertThat(AssetTag.of("CAM17").siteCode()).isEmpty();
	}

	@Test
	void refusesBlankTooLongAndOddCharacters() {
		assertThatThrownBy(() -> AssetTag.of(" ")).isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).extracting("field").containsExactly("assetTag"));
		assertThatThrownBy(() -> AssetTag.of("A".repeat(41))).hasMessageContaining("longer than 40");
		assertThatThrownBy(() -> AssetTag.of("LAAA 001")).hasMessageContaining("may only contain");
		assertThatThrownBy(() -> AssetTag.of("監視器1")).hasMessageContaining("may only contain");
	}

	@Test
	void theNumberAfterTheLastHyphenHasAtMostFourDigits() {
		assertThatThrownBy(() -> AssetTag.of("ZZB001-99999999999")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("at most 4 digits");
		assertThatThrownBy(() -> AssetTag.of("LAAA001-00001")).hasMessageContaining("at most 4 digits");
		assertThat(AssetTag.of("KH-0042").value()).isEqualTo("KH-0042");
		assertThat(AssetTag.of("LAAA001-01").siteIndex()).contains(1);
		assertThat(AssetTag.of("CAM-2023A").value()).as("not a number after the hyphen").isEqualTo("CAM-2023A");
	}

	@Test
	void decimalHeadingsAreRoundedHalfUpAndWrap() {
		assertThat(Heading.rounded(359.9)).isZero();
		assertThat(Heading.rounded(359.5)).isZero();
		assertThat(Heading.rounded(359.4)).isEqualTo(359);
		assertThat(Heading.rounded(0.5)).isEqualTo(1);
		assertThat(Heading.rounded(null)).isNull();
		assertThatThrownBy(() -> Heading.rounded(360.1)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> Heading.rounded(-0.1)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void headingIsZeroTo359() {
		assertThat(new Heading(0).degrees()).isZero();
		assertThat(new Heading(359).degrees()).isEqualTo(359);
		assertThat(Heading.normalising(360).degrees()).isZero();
		assertThatThrownBy(() -> new Heading(360)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("between 0 and 359");
		assertThatThrownBy(() -> new Heading(-1)).isInstanceOf(InvalidInputException.class);
		assertThat(Heading.of(null)).isNull();
	}
}
