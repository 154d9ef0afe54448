package io.watchkeeper.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import io.watchkeeper.reporting.HalfYearReport.Unit;

class CouncilStyleTest {

	@Test
	void amountsInYiWanAndTheRestWithThousandsSeparatorsAndNoZeroGroups() {
		assertThat(CouncilStyle.amountZh(39_955_000)).isEqualTo("3,995萬5,000元");
		assertThat(CouncilStyle.amountZh(10_000_000)).isEqualTo("1,000萬元");
		assertThat(CouncilStyle.amountZh(3_500_000)).isEqualTo("350萬元");
		assertThat(CouncilStyle.amountZh(69_769_000)).isEqualTo("6,976萬9,000元");
		assertThat(CouncilStyle.amountZh(20_526_000)).isEqualTo("2,052萬6,000元");
		assertThat(CouncilStyle.amountZh(123_450_000)).isEqualTo("1億2,345萬元");
		assertThat(CouncilStyle.amountZh(100_000_005)).isEqualTo("1億5元");
		assertThat(CouncilStyle.amountZh(1_234_500_000_000L)).isEqualTo("12,345億元");
		assertThat(CouncilStyle.amountZh(10_000)).isEqualTo("1萬元");
		assertThat(CouncilStyle.amountZh(76_000)).isEqualTo("7萬6,000元");
		assertThat(CouncilStyle.amountZh(9_999)).isEqualTo("9,999元");
		assertThat(CouncilStyle.amountZh(5)).isEqualTo("5元");
		assertThat(CouncilStyle.amountZh(0)).isEqualTo("0元");
		assertThat(CouncilStyle.amountZh(-3_500_000)).isEqualTo("−350萬元");
		assertThat(CouncilStyle.amountEn(39_955_000)).isEqualTo("NT$39,955,000");
		assertThat(CouncilStyle.amountEn(0)).isEqualTo("NT$0");
		assertThat(CouncilStyle.amountEn(-1_000)).isEqualTo("−NT$1,000");
	}

	@Test
	void datesWithTheRocYearAndAFollowingDateOfTheSameYearWithout() {
		LocalDate awarded = LocalDate.of(2023, 3, 30);
		assertThat(CouncilStyle.rocDate(awarded)).isEqualTo("112年3月30日");
		assertThat(CouncilStyle.rocDate(LocalDate.of(2023, 4, 21), awarded)).isEqualTo("4月21日");
		assertThat(CouncilStyle.rocDate(LocalDate.of(2024, 1, 19), awarded)).isEqualTo("113年1月19日");
		assertThat(CouncilStyle.rocDate(awarded, null)).isEqualTo("112年3月30日");
		assertThat(CouncilStyle.rocMonth(YearMonth.of(2023, 12))).isEqualTo("112年12月");
		assertThat(CouncilStyle.rocMonthEnd(YearMonth.of(2023, 6))).isEqualTo("112年6月底");
		assertThat(CouncilStyle.rocYear(2023)).isEqualTo(112);
	}

	@Test
	void countsPercentagesAndSignedChanges() {
		assertThat(CouncilStyle.cameras(120)).isEqualTo("120支");
		assertThat(CouncilStyle.cases(1_414)).isEqualTo("1,414件");
		assertThat(CouncilStyle.companies(7)).isEqualTo("7家");
		assertThat(CouncilStyle.cameras(0)).isEqualTo("0支");
		assertThat(CouncilStyle.percentZh(new BigDecimal("15.0"))).isEqualTo("15.0%");
		assertThat(CouncilStyle.percentZh(new BigDecimal("14.96"))).isEqualTo("15.0%");
		assertThat(CouncilStyle.percentEn(new BigDecimal("15"))).isEqualTo("15.0 %");
		assertThat(CouncilStyle.changeZh(BigDecimal.valueOf(-12), Unit.CAMERAS)).isEqualTo("−12支");
		assertThat(CouncilStyle.changeZh(BigDecimal.valueOf(12), Unit.CAMERAS)).isEqualTo("+12支");
		assertThat(CouncilStyle.changeZh(BigDecimal.ZERO, Unit.CAMERAS)).isEqualTo("0支");
		assertThat(CouncilStyle.changeZh(BigDecimal.valueOf(-3_500_000), Unit.NTD)).isEqualTo("−350萬元");
		assertThat(CouncilStyle.changeZh(new BigDecimal("-1.25"), Unit.PERCENT)).isEqualTo("−1.3%");
		assertThat(CouncilStyle.changeEn(BigDecimal.valueOf(-1_414), Unit.CASES)).isEqualTo("−1,414 cases");
		assertThat(CouncilStyle.changeEn(BigDecimal.ONE, Unit.CAMERAS)).isEqualTo("+1 camera");
		assertThat(CouncilStyle.valueZh(BigDecimal.valueOf(7), Unit.COMPANIES)).isEqualTo("7家");
		assertThat(CouncilStyle.valueEn(BigDecimal.valueOf(39_955_000), Unit.NTD)).isEqualTo("NT$39,955,000");
		assertThat(CouncilStyle.number(-12)).isEqualTo("−12");
	}
}
