package io.watchkeeper.health;

import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.watchkeeper.shared.NotFoundException;

/**
 * A camera's outage history as a page ({@code /outages/cameras/{id}}), linked from the camera page: when it was
 * down, for how long, why, and its repair order. Under {@code /outages/**}, so the outage watchers read it
 * (AccessRules: administrators, dispatchers, investigators, viewers).
 */
@Controller
class OutageHistoryPage {

	/** Most outages the page lists, newest first. */
	static final int LIMIT = 200;

	private final OutageHistory history;
	private final Clock clock;

	OutageHistoryPage(OutageHistory history, Clock clock) {
		this.history = history;
		this.clock = clock;
	}

	/** One line of the page: the outage and how long it lasted (so far, while open), in minutes. */
	public record Line(OutageHistory.OutageRecord outage, long minutes) {
	}

	@GetMapping("/outages/cameras/{id:\\d+}")
	String page(@PathVariable long id, Model model) {
		String tag = history.assetTag(id).orElseThrow(() -> new NotFoundException("Camera", id));
		Instant now = clock.instant();
		List<Line> lines = history.recentOutages(id, LIMIT).stream()
			.map(o -> new Line(o, Math.max(0, Duration.between(o.startedAt(), o.endedAt() == null ? now : o.endedAt()).toMinutes())))
			.toList();
		model.addAttribute("cameraId", id);
		model.addAttribute("assetTag", tag);
		model.addAttribute("lines", lines);
		model.addAttribute("limit", LIMIT);
		return "health/camera-outages";
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(NotFoundException.class)
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	String notFound() {
		return "cameras/not-found";
	}
}
