package io.watchkeeper.map;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.watchkeeper.camera.CameraCatalog;

/**
 * The map page. The page itself is a shell: the filter choices and the labels the scripts need in the reader's
 * language; the scripts under {@code /js/map/} fetch everything drawn from {@code /api/map/**}.
 */
@Controller
class MapPageController {

	/** Camera states on the map, worst first (the order of the legend and of a cluster's colour). */
	static final List<String> STATES = List.of("OUTAGE", "FAULTY", "PAST_EOL", "WORKING", "PLANNED", "DECOMMISSIONED");

	static final List<String> LPR_FILTERS = List.of("ANY_LPR", "LPR", "REALTIME_LPR", "NONE");

	/** Work order states, labelled from the maintenance bundle in the popup. */
	static final List<String> ORDER_STATES = List.of("NEW", "ASSIGNED", "IN_PROGRESS", "ON_HOLD", "RESTORED", "CLOSED",
			"CANCELLED");

	static final List<String> METRICS = List.of("down", "downtimeHours", "availability");

	/** The labels the scripts draw with (legend, layer control, popups, notices): message keys without "map.". */
	static final List<String> SCRIPT_LABELS = List.of("layer.base", "layer.none", "layer.cameras", "layer.fov", "layer.coverage",
			"layer.precincts", "layer.districts", "layer.choropleth", "legend", "legend.lpr", "legend.realtimeLpr",
			"legend.cluster", "legend.fov", "legend.low", "legend.high", "notice.tiles", "notice.api",
			"notice.truncated", "notice.changes", "status.total", "status.loading", "popup.assetTag", "popup.address",
			"popup.precinct", "popup.district", "popup.state", "popup.lpr", "popup.installed", "popup.endOfLife",
			"popup.workOrder", "popup.noWorkOrder", "popup.recentOutages", "popup.noOutages", "popup.ongoing",
			"popup.down", "popup.cameraPage", "popup.cameras", "popup.working", "popup.down.count",
			"popup.downtimeHours", "popup.availability", "popup.openOrders", "popup.zoomIn", "duration.hours",
			"duration.minutes", "duration.days", "choropleth.precinct", "choropleth.district", "metric.down",
			"metric.downtimeHours", "metric.availability", "lpr.NONE", "lpr.LPR", "lpr.REALTIME_LPR", "legend.period", "period.invalid",
			"period.incomplete", "status.about", "status.invalidFilters", "status.failed", "status.sessionEnded",
			"cluster.count", "notice.session", "notice.invalid", "notice.forbidden", "notice.notFound", "notice.offline",
			"notice.noPosition", "field.view", "list.separator", "years.invalid", "years.order", "legend.precedence",
			"legend.coverage", "legend.percent", "legend.hours", "popup.view", "popup.facing", "popup.angle",
			"popup.metres", "popup.model", "compass.N", "compass.NE", "compass.E",
			"compass.SE", "compass.S", "compass.SW", "compass.W", "compass.NW");

	/** Availability of a camera in a canvass window, in the order of the canvass legend. */
	static final List<String> AVAILABILITIES = List.of("RECORDING", "PARTLY", "DOWN", "UNKNOWN");

	/**
	 * The labels of the canvass and route tools (canvass*.js), message keys without "map."; rendered for every map
	 * reader, though only investigators and administrators get the tool.
	 */
	static final List<String> CANVASS_LABELS = List.of("canvass.here", "canvass.button", "canvass.button.title",
			"canvass.route.button", "canvass.route.button.title", "canvass.pick", "canvass.route.pick",
			"canvass.route.points", "canvass.at", "canvass.error.case", "canvass.error.from", "canvass.error.range",
			"canvass.error.route", "canvass.error.point", "canvass.error.failed", "canvass.metres", "canvass.bearing",
			"canvass.along", "canvass.offset", "canvass.travel.WITH", "canvass.travel.AGAINST", "canvass.travel.ACROSS",
			"canvass.travel.UNKNOWN", "canvass.facing.YES", "canvass.facing.EDGE", "canvass.facing.NO",
			"canvass.facing.UNKNOWN", "canvass.availability.RECORDING", "canvass.availability.PARTLY",
			"canvass.availability.DOWN", "canvass.availability.UNKNOWN", "canvass.downCount", "canvass.expired",
			"canvass.expires", "canvass.summary", "canvass.run", "canvass.priority", "canvass.priority.NORMAL",
			"canvass.priority.URGENT", "canvass.priority.CRITICAL", "canvass.request", "canvass.request.REQUESTED",
			"canvass.request.DELIVERED", "canvass.request.NOT_AVAILABLE", "canvass.request.REFUSED", "canvass.due",
			"canvass.late", "canvass.expiresSoon", "canvass.outcome.USEFUL", "canvass.outcome.NOT_USEFUL",
			"canvass.answer.DELIVERED");

	/** The periods of the choropleth: presets, then a custom from/to. */
	static final List<String> PERIODS = List.of("7d", "30d", "month", "lastMonth", "year", "custom");

	/** The view the page opens on without a position in the address (url-state.js DEFAULT_VIEW): Kaohsiung. */
	static final double DEFAULT_LONGITUDE = 120.31;
	static final double DEFAULT_LATITUDE = 22.63;

	private final CameraCatalog catalog;
	private final MapQueries queries;
	private final MapPageProperties properties;
	private final MessageSource messages;
	private final Clock clock;
	private final ZoneId zone;

	MapPageController(CameraCatalog catalog, MapQueries queries, MapPageProperties properties, MessageSource messages, Clock clock,
			@Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone) {
		this.zone = zone;
		this.catalog = catalog;
		this.queries = queries;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/map")
	String map(Locale locale, Model model) {
		model.addAttribute("map", properties);
		// another city's boundaries: open on them rather than on Kaohsiung's centre
		model.addAttribute("extent", queries.extentUnlessItHolds(DEFAULT_LONGITUDE, DEFAULT_LATITUDE)
			.map(e -> String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", e[0], e[1], e[2], e[3])).orElse(null));
		model.addAttribute("precincts", catalog.precincts());
		model.addAttribute("districts", catalog.districts());
		model.addAttribute("fundingSources", catalog.fundingSources());
		model.addAttribute("projects", catalog.projects());
		model.addAttribute("states", STATES);
		model.addAttribute("lprFilters", LPR_FILTERS);
		model.addAttribute("metrics", METRICS);
		model.addAttribute("periods", PERIODS);
		model.addAttribute("availabilities", AVAILABILITIES);
		Map<String, String> labels = new LinkedHashMap<>();
		for (String key : SCRIPT_LABELS) {
			labels.put(key, messages.getMessage("map." + key, null, locale));
		}
		for (String key : CANVASS_LABELS) {
			labels.put(key, messages.getMessage("map." + key, null, locale));
		}
		for (String state : STATES) {
			labels.put("state." + state, messages.getMessage("map.state." + state, null, locale));
		}
		for (String orderState : ORDER_STATES) {
			labels.put("order." + orderState,
					messages.getMessage("maintenance.state." + orderState, null, orderState, locale));
		}
		model.addAttribute("labels", labels);
		model.addAttribute("serverNow", Instant.now(clock).toString());
		// the day the period presets count from, in the zone /api/map/areas reads its dates in
		model.addAttribute("today", LocalDate.now(clock.withZone(zone)).toString());
		return "map/map";
	}
}
