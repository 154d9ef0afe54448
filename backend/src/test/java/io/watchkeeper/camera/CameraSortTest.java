package io.watchkeeper.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import io.watchkeeper.maintenance.CameraScope;
import io.watchkeeper.shared.InvalidInputException;

class CameraSortTest {

	@Test
	void onlyWhitelistedColumnsReachOrderBy() {
		assertThat(CameraSort.fromParam(null)).isEqualTo(CameraSort.ASSET_TAG);
		assertThat(CameraSort.fromParam("installDate").orderBy(true)).isEqualTo("c.install_date DESC, c.asset_tag DESC");
		assertThat(CameraSort.END_OF_LIFE.orderBy(true)).as("no end of life is last, newest first")
			.isEqualTo("c.end_of_life DESC NULLS LAST, c.asset_tag DESC");
		assertThat(CameraSort.END_OF_LIFE.orderBy(false)).isEqualTo("c.end_of_life ASC NULLS LAST, c.asset_tag ASC");
		assertThatThrownBy(() -> CameraSort.fromParam("id; DROP TABLE camera")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("cannot sort by");
		assertThatThrownBy(() -> CameraSort.descending("sideways")).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void searchTextIsABoundParameterWithWildcardsEscaped() {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = CameraQueries.where(CameraFilter.none().withText("100%_a\\b"), CameraScope.WHOLE_CITY, LocalDate.of(2024, 1, 1), params);
		assertThat(where).doesNotContain("100");
		assertThat(params.getValue("text")).isEqualTo("%100\\%\\_a\\\\b%");
	}

	@Test
	void chineseTextSearchesTheAddressOnly() {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = CameraQueries.where(CameraFilter.none().withText("中山一路"), CameraScope.WHOLE_CITY, LocalDate.of(2024, 1, 1), params);
		assertThat(where).contains("c.address ILIKE :text").doesNotContain("asset_tag");
	}

	@Test
	void pagingLinksKeepTheFilters() {
		CameraListParams params = new CameraListParams();
		params.setPrecinct(3L);
		params.setQ(" 中山 ");
		params.setPastEndOfLife(true);
		assertThat(params.pageQuery(2)).isEqualTo("precinct=3&pastEndOfLife=true&q=%E4%B8%AD%E5%B1%B1&page=2");
		assertThat(params.sortQuery("installDate")).endsWith("sort=installDate&dir=asc");
		params.setSort("installDate");
		assertThat(params.sortQuery("installDate")).as("second click sorts descending").endsWith("sort=installDate&dir=desc");
	}
}
