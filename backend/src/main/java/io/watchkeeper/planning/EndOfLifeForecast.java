package io.watchkeeper.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.camera.LprCapability;
import io.watchkeeper.shared.TimeFormat;

/**
 * The end-of-life forecast: cameras reaching end of life per fiscal year for the next years, and the backlog already
 * past it and not yet in a project, grouped as asked, with the cost at the price list's prices (a year at the prices
 * in force on its Jan 1, the backlog at those on the as-of day). A kind in use without a price is refused (400
 * naming "prices").
 */
@Service
class EndOfLifeForecast {

	static final String UNKNOWN = "unknown";

	private final ForecastQueries queries;
	private final PriceList priceList;
	private final MessageSource messages;
	private final Clock clock;
	private final TimeFormat time;

	EndOfLifeForecast(ForecastQueries queries, PriceList priceList, MessageSource messages, Clock clock, TimeFormat time) {
		this.queries = queries;
		this.priceList = priceList;
		this.messages = messages;
		this.clock = clock;
		this.time = time;
	}

	/** Today in the city's time zone (the default as-of day). */
	LocalDate today() {
		return LocalDate.now(clock.withZone(time.zone()));
	}

	@Transactional(readOnly = true)
	Forecast forecast(ForecastRequest request, Locale locale) {
		List<ForecastQueries.Count> counts = queries.counts(request);

		// the prices of each year (Jan 1) and of the backlog (as-of day), each refused when a kind in use has none
		Map<Integer, Set<LprCapability>> kindsByYear = new HashMap<>();
		for (ForecastQueries.Count c : counts) {
			kindsByYear.computeIfAbsent(c.fiscalYear(), y -> EnumSet.noneOf(LprCapability.class)).add(c.lpr());
		}
		Map<Integer, PriceList.Prices> prices = new LinkedHashMap<>();
		prices.put(0, priceList.on(request.asOf()).requireAll(kindsByYear.getOrDefault(0, Set.of())));
		for (int year = request.firstYear(); year < request.firstYear() + request.years(); year++) {
			prices.put(year, priceList.on(LocalDate.of(year, 1, 1)).requireAll(kindsByYear.getOrDefault(year, Set.of())));
		}

		// groups, the largest first (cameras over the whole forecast, backlog included), then by key
		Map<String, String> labels = new HashMap<>();
		Map<String, Long> sizes = new HashMap<>();
		Map<Integer, Map<String, long[]>> figures = new HashMap<>(); // year -> key -> {cameras, cost}
		for (ForecastQueries.Count c : counts) {
			String key = c.key() == null ? UNKNOWN : c.key();
			labels.computeIfAbsent(key, k -> label(request.grouping(), c, locale));
			sizes.merge(key, c.cameras(), Long::sum);
			long[] f = figures.computeIfAbsent(c.fiscalYear(), y -> new HashMap<>()).computeIfAbsent(key, k -> new long[2]);
			f[0] += c.cameras();
			f[1] = Math.addExact(f[1], Math.multiplyExact(c.cameras(), prices.get(c.fiscalYear()).of(c.lpr())));
		}
		List<String> keys = new ArrayList<>(sizes.keySet());
		keys.sort(Comparator.comparing((String k) -> -sizes.get(k)).thenComparing(k -> k.equals(UNKNOWN) ? 1 : 0)
			.thenComparing(Comparator.naturalOrder()));
		List<Forecast.Group> groups = keys.stream().map(k -> new Forecast.Group(k, labels.get(k))).toList();

		List<Forecast.GroupFigure> backlogByGroup = byGroup(keys, figures.get(0));
		Forecast.Backlog backlog = new Forecast.Backlog(sum(backlogByGroup, true), sum(backlogByGroup, false), backlogByGroup);
		List<Forecast.Row> rows = new ArrayList<>();
		for (int year = request.firstYear(); year < request.firstYear() + request.years(); year++) {
			List<Forecast.GroupFigure> byGroup = byGroup(keys, figures.get(year));
			rows.add(new Forecast.Row(year, year - Forecast.ROC_EPOCH, sum(byGroup, true), sum(byGroup, false), byGroup));
		}
		return new Forecast(request.asOf(), request.firstYear(), request.years(), request.grouping().param(), groups,
				backlog, rows, List.copyOf(prices.values()));
	}

	private String label(ForecastGrouping grouping, ForecastQueries.Count c, Locale locale) {
		if (c.key() == null) {
			return messages.getMessage("planning.forecast.unknown", null, "Unknown", locale);
		}
		if (grouping == ForecastGrouping.LPR) {
			return messages.getMessage("camera.lpr." + c.key(), null, c.key(), locale);
		}
		boolean chinese = "zh".equals(locale.getLanguage());
		String name = chinese ? c.nameZh() : c.nameEn();
		return name == null || name.isBlank() ? c.key() : name;
	}

	private static List<Forecast.GroupFigure> byGroup(List<String> keys, Map<String, long[]> year) {
		List<Forecast.GroupFigure> out = new ArrayList<>(keys.size());
		for (String key : keys) {
			long[] f = year == null ? null : year.get(key);
			out.add(new Forecast.GroupFigure(key, f == null ? 0 : f[0], f == null ? 0 : f[1]));
		}
		return out;
	}

	private static long sum(List<Forecast.GroupFigure> figures, boolean cameras) {
		return figures.stream().mapToLong(f -> cameras ? f.cameras() : f.cost()).sum();
	}
}
