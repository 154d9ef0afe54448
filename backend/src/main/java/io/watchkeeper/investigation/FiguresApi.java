package io.watchkeeper.investigation;

import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Cases")
class FiguresApi {

	private final CaseFigures figures;
	private final Cases cases;

	FiguresApi(CaseFigures figures, Cases cases) {
		this.figures = figures;
		this.cases = cases;
	}

	@GetMapping(path = "/api/investigation/figures", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Cases solved with footage contributing, by month, half year (ROC year) or precinct",
			description = "A case counts by the date it was closed (Asia/Taipei) as SOLVED; share = solved with footage / solved, one decimal.")
	CaseFigures.Figures figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String precinctId, @RequestParam(required = false) String groupBy,
			Locale locale) {
		return figures.figures(CaseFigures.query(from, to, precinctId, groupBy, cases.today()), locale);
	}
}
