package io.watchkeeper.planning;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.security.AuditAction;
import io.watchkeeper.security.AuditLog;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The price list and the end-of-life forecast over the API. Labels follow the caller's language ({@code lang} or
 * {@code Accept-Language}; English by default), as the camera API's do; the page's export links pass its language.
 */
@RestController
@RequestMapping("/api/planning")
@Tag(name = "Planning", description = "Price list and end-of-life forecast (read: ADMIN, PROCUREMENT, DISPATCHER; "
		+ "write: ADMIN, PROCUREMENT)")
class PlanningApiController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final PriceListEditing prices;
	private final EndOfLifeForecast forecasts;
	private final ForecastExport export;
	private final AuditLog audit;

	PlanningApiController(PriceListEditing prices, EndOfLifeForecast forecasts, ForecastExport export, AuditLog audit) {
		this.prices = prices;
		this.forecasts = forecasts;
		this.export = export;
		this.audit = audit;
	}

	@GetMapping(path = "/prices", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The price list (ADMIN, PROCUREMENT, DISPATCHER)", description = """
			Every entry, newest first within each kind (NONE, LPR, REALTIME_LPR), and `inForce`: the entry of each \
			kind in force today (Asia/Taipei), the one with the latest `appliesFrom` on or before today.""")
	PriceListEditing.Listing prices() {
		return prices.list(forecasts.today());
	}

	@PostMapping(path = "/prices", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Set a price (ADMIN, PROCUREMENT)", description = """
			The unit price of replacing one camera of a kind (`kind` NONE, LPR or REALTIME_LPR), installation \
			included, from `appliesFrom` (YYYY-MM-DD) on; `unitPriceNtd` whole NT dollars 1..100,000,000; `note` \
			optional. An entry of the same kind and date is replaced. Audited (PRICE_SET, old and new price).""")
	@ApiResponse(responseCode = "201", description = "The entry as stored")
	@ApiResponse(responseCode = "400", description = "`errors` names kind, appliesFrom, unitPriceNtd or note; nothing is written",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<PriceEntry> setPrice(@RequestBody PriceRequest.Form form) {
		PriceListEditing.Saved saved = prices.set(PriceRequest.parse(form), AuditLog.currentActor());
		return ResponseEntity.created(URI.create("/api/planning/prices")).body(saved.entry());
	}

	@GetMapping(path = "/forecast", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "End-of-life forecast (ADMIN, PROCUREMENT, DISPATCHER)", description = """
			Cameras in service (not decommissioned, not planned) and not yet in a project (no replacement order bought \
			through a project) whose end of life falls in each fiscal year from `asOf`'s year on, with the cost at the \
			unit price of each camera's kind in force on Jan 1 of the year; `backlog`: those whose end of life is \
			before Jan 1 of the first year, at the prices in force on `asOf`. Grouped by precinct, district, funding, \
			model (make and model; `unknown` when empty) or lpr. Amounts are whole NT dollars.""")
	@ApiResponse(responseCode = "200", description = "The forecast")
	@ApiResponse(responseCode = "400", description = "`errors` names years, groupBy or asOf; or prices when a camera kind in use "
			+ "has no price in force", content = @Content(mediaType = "application/problem+json"))
	Forecast forecast(@Parameter(description = "1..10, default 10") @RequestParam(required = false) String years,
			@Parameter(description = "precinct (default), district, funding, model or lpr") @RequestParam(required = false) String groupBy,
			@Parameter(description = "YYYY-MM-DD, default today in Asia/Taipei") @RequestParam(required = false) String asOf) {
		return forecasts.forecast(ForecastRequest.parse(years, groupBy, asOf, forecasts.today()), LocaleContextHolder.getLocale());
	}

	@GetMapping(path = "/forecast.csv")
	@Operation(summary = "The forecast as CSV (ADMIN, PROCUREMENT, DISPATCHER)", description = """
			UTF-8 with a byte-order mark; the same parameters as /api/planning/forecast. Audited (FORECAST_EXPORTED).""")
	void forecastCsv(@RequestParam(required = false) String years, @RequestParam(required = false) String groupBy,
			@RequestParam(required = false) String asOf, HttpServletResponse response) throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		Forecast f = forecasts.forecast(ForecastRequest.parse(years, groupBy, asOf, forecasts.today()), locale);
		audited(f, "csv");
		response.setContentType(CSV.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(f) + ".csv\"");
		export.csv(f, locale, response.getOutputStream());
	}

	@GetMapping(path = "/forecast.xlsx")
	@Operation(summary = "The forecast as XLSX (ADMIN, PROCUREMENT, DISPATCHER)", description = """
			Sheet "Forecast" (a header row, the backlog, one row per fiscal year; numbers as numbers) and sheet \
			"Parameters" (the inputs and the prices used); the same parameters as /api/planning/forecast. Audited \
			(FORECAST_EXPORTED).""")
	void forecastXlsx(@RequestParam(required = false) String years, @RequestParam(required = false) String groupBy,
			@RequestParam(required = false) String asOf, HttpServletResponse response) throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		Forecast f = forecasts.forecast(ForecastRequest.parse(years, groupBy, asOf, forecasts.today()), locale);
		audited(f, "xlsx");
		response.setContentType(XLSX.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(f) + ".xlsx\"");
		export.xlsx(f, locale, response.getOutputStream());
	}

	private void audited(Forecast f, String format) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("format", format);
		details.put("asOf", f.asOf().toString());
		details.put("firstYear", f.firstYear());
		details.put("years", f.years());
		details.put("groupBy", f.groupBy());
		details.put("cameras", f.totalCameras());
		details.put("backlog", f.backlog().cameras());
		audit.record(AuditAction.FORECAST_EXPORTED, "forecast", f.groupBy(), details);
	}

	private static String fileName(Forecast f) {
		return "forecast-" + f.firstYear() + "-" + (f.firstYear() + f.years() - 1) + "-" + f.groupBy();
	}
}
