package io.watchkeeper.placement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.watchkeeper.camera.CameraCatalog;
import io.watchkeeper.map.MapPageProperties;

/**
 * The placement queue page: a shell with the filter choices, the base map's settings and the labels the script
 * needs; {@code /js/placement/queue.js} asks {@code /api/placement/queue/**} for everything else.
 */
@Controller
class PlacementPageController {

	/** The labels the script writes with, message keys without "placement.". */
	static final List<String> SCRIPT_LABELS = List.of("empty", "loading", "failed", "sessionEnded", "clickToPlace",
			"markerHint", "placed", "placedOutside", "confirmOutside", "conflict", "gone", "noAddress", "noHeading",
			"allRound", "lpr.NONE", "lpr.LPR", "lpr.REALTIME_LPR", "camera.heading", "skippedAt", "suggestion.ADDRESS", "suggestion.rejected", "quality.EXACT", "quality.NEAREST",
			"quality.INTERSECTION", "quality.ROAD",
			"suggestion.SITE", "suggestion.PRECINCT", "suggestion.DISTRICT", "suggestion.none", "kind.SITE", "kind.CAMERA",
			"progress.placedToday", "progress.remaining", "progress.skipped", "layer.base", "layer.none",
			"layer.precincts", "layer.districts", "badPoint");

	private final CameraCatalog catalog;
	private final MapPageProperties map;
	private final MessageSource messages;

	PlacementPageController(CameraCatalog catalog, MapPageProperties map, MessageSource messages) {
		this.catalog = catalog;
		this.map = map;
		this.messages = messages;
	}

	@GetMapping("/placement")
	@PreAuthorize("hasAnyRole('ADMIN','DISPATCHER')")
	String queue(Locale locale, Model model) {
		model.addAttribute("map", map);
		model.addAttribute("precincts", catalog.precincts());
		Map<String, String> labels = new LinkedHashMap<>();
		for (String key : SCRIPT_LABELS) {
			labels.put(key, messages.getMessage("placement." + key, null, locale));
		}
		model.addAttribute("labels", labels);
		return "placement/queue";
	}
}
