package io.watchkeeper.planning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.watchkeeper.camera.LprCapability;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The planning landing page (the end-of-life forecast with its chart, table and exports) and the price list page. */
@Controller
class PlanningPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final EndOfLifeForecast forecasts;
	private final PriceListEditing prices;
	private final MessageSource messages;

	PlanningPages(EndOfLifeForecast forecasts, PriceListEditing prices, MessageSource messages) {
		this.forecasts = forecasts;
		this.prices = prices;
		this.messages = messages;
	}

	@GetMapping("/planning")
	String forecast(@RequestParam(required = false) String years, @RequestParam(required = false) String groupBy,
			@RequestParam(required = false) String asOf, Locale locale, Model model, HttpServletResponse response) {
		model.addAttribute("groupings", List.of(ForecastGrouping.values()).stream().map(ForecastGrouping::param).toList());
		model.addAttribute("params", params(years, groupBy, asOf));
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			ForecastRequest request = ForecastRequest.parse(years, groupBy, asOf, forecasts.today());
			Forecast forecast = forecasts.forecast(request, locale);
			model.addAttribute("forecast", forecast);
			ForecastChart chart = ForecastChart.of(forecast, message("planning.forecast.backlog", locale),
					message("planning.forecast.other", locale));
			model.addAttribute("chartJson", JSON.writeValueAsString(chart));
			String query = UriComponentsBuilder.newInstance().queryParam("years", request.years())
				.queryParam("groupBy", request.grouping().param()).queryParam("asOf", request.asOf()).build().getQuery();
			model.addAttribute("exportQuery", query);
		}
		catch (InvalidInputException e) {
			e.fieldErrors().forEach(f -> errors.putIfAbsent(f.field(), message("planning.forecast.error." + f.field(), locale)));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("errors", errors);
		return "planning/forecast";
	}

	@GetMapping("/planning/prices")
	String prices(Model model) {
		model.addAttribute("listing", prices.list(forecasts.today()));
		model.addAttribute("kinds", List.of(LprCapability.values()).stream().map(Enum::name).toList());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new PriceRequest.Form("NONE", forecasts.today().toString(), "", ""));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "planning/prices";
	}

	@PostMapping("/planning/prices")
	String setPrice(PriceRequest.Form form, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			PriceListEditing.Saved saved = prices.set(PriceRequest.parse(form), AuditLog.currentActor());
			redirect.addFlashAttribute("savedId", saved.entry().id());
			return "redirect:/planning/prices";
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			e.fieldErrors().forEach(f -> errors.putIfAbsent(f.field(), message("planning.price.error." + f.field(), locale)));
			model.addAttribute("form", form);
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return prices(model);
		}
	}

	private static Map<String, String> params(String years, String groupBy, String asOf) {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("years", years);
		p.put("groupBy", groupBy);
		p.put("asOf", asOf);
		return p;
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
