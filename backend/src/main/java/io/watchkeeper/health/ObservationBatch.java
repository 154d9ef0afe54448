package io.watchkeeper.health;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.TextInput;
import tools.jackson.databind.JsonNode;

/**
 * A batch as a client sent it, checked item by item: {@code {"source": "...", "observations": [{"assetTag": "...",
 * "up": true, "observedAt": "2026-11-28T08:00:00Z"}, ...]}}. Whatever is wrong with the batch as a whole (not an
 * object, no observations array, an unknown top-level field, too many observations) refuses it; whatever is wrong
 * with one observation rejects that observation only, with its index and a reason. Reports of one camera at one
 * instant that contradict each other (up and down) are all rejected.
 */
record ObservationBatch(String source, int received, List<Observation> observations, int duplicates,
		List<IngestResult.Rejection> rejections) {

	static final int MAX_SOURCE_LENGTH = 100;
	private static final Set<String> ITEM_FIELDS = Set.of("assetTag", "up", "observedAt");
	private static final Set<String> BATCH_FIELDS = Set.of("source", "observations");
	private static final Pattern ASSET_TAG = Pattern.compile("^[A-Z0-9][A-Z0-9._/-]{0,39}$");

	/** More observations than one batch may hold: answered with 413. */
	static class TooLarge extends RuntimeException {

		TooLarge(String message) {
			super(message);
		}
	}

	/**
	 * Checks a parsed request body at {@code now}.
	 *
	 * @param defaultSource the source when the batch names none (the token's name)
	 */
	static ObservationBatch read(JsonNode body, String defaultSource, Instant now, Duration futureTolerance,
			Duration retention, int maxBatchSize) {
		if (body == null || !body.isObject()) {
			throw new InvalidInputException("observations",
					"The body must be a JSON object {\"source\": ..., \"observations\": [...]}");
		}
		for (Iterator<String> names = body.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!BATCH_FIELDS.contains(name)) {
				throw new InvalidInputException(name, "unknown field '" + name + "'");
			}
		}
		String source = defaultSource;
		JsonNode sourceNode = body.get("source");
		if (sourceNode != null && !sourceNode.isNull()) {
			if (!sourceNode.isString() || sourceNode.asString().isBlank()) {
				throw new InvalidInputException("source", "source must be a non-empty string");
			}
			String refusal = TextInput.problem(sourceNode.asString());
			if (refusal != null) {
				throw new InvalidInputException("source", "source " + refusal);
			}
			source = sourceNode.asString().strip();
			if (source.length() > MAX_SOURCE_LENGTH) {
				throw new InvalidInputException("source", "source is longer than " + MAX_SOURCE_LENGTH + " characters");
			}
		}
		JsonNode items = body.get("observations");
		if (items == null || !items.isArray()) {
			throw new InvalidInputException("observations", "observations must be an array");
		}
		if (items.size() > maxBatchSize) {
			throw new TooLarge("A batch holds at most " + maxBatchSize + " observations; this one has " + items.size()
					+ ". Send it in smaller batches");
		}
		Instant latest = now.plus(futureTolerance);
		Instant earliest = now.minus(retention);
		List<Observation> valid = new ArrayList<>(items.size());
		List<IngestResult.Rejection> rejections = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			String tagText = item != null && item.isObject() && item.get("assetTag") != null
					&& item.get("assetTag").isString() ? item.get("assetTag").asString() : null;
			Object checked = check(i, item, earliest, latest, futureTolerance, retention);
			if (checked instanceof String reason) {
				rejections.add(new IngestResult.Rejection(i, tagText, reason));
			}
			else {
				valid.add((Observation) checked);
			}
		}
		// one camera at one instant: repeats with the same state are duplicates (the first is taken); reports that
		// contradict each other are all rejected, since nothing says which one is right
		Map<String, List<Observation>> byKey = new LinkedHashMap<>(valid.size() * 2);
		for (Observation o : valid) {
			byKey.computeIfAbsent(o.assetTag() + '@' + o.observedAt(), k -> new ArrayList<>(1)).add(o);
		}
		List<Observation> accepted = new ArrayList<>(byKey.size());
		int duplicates = 0;
		for (List<Observation> same : byKey.values()) {
			boolean contradicting = same.stream().anyMatch(o -> o.up() != same.get(0).up());
			if (!contradicting) {
				accepted.add(same.get(0));
				duplicates += same.size() - 1;
				continue;
			}
			for (Observation o : same) {
				String others = same.stream().filter(x -> x.up() != o.up()).map(x -> String.valueOf(x.index()))
					.collect(Collectors.joining(", "));
				rejections.add(new IngestResult.Rejection(o.index(), o.assetTag(), "contradicts observation"
						+ (others.contains(",") ? "s " : " ") + others
						+ " of this batch (same camera and time); none of them is taken"));
			}
		}
		accepted.sort(Comparator.comparingInt(Observation::index));
		rejections.sort(Comparator.comparingInt(IngestResult.Rejection::index));
		return new ObservationBatch(source, items.size(), accepted, duplicates, rejections);
	}

	/** The observation, or the reason it is rejected. */
	private static Object check(int index, JsonNode item, Instant earliest, Instant latest, Duration futureTolerance,
			Duration retention) {
		if (item == null || !item.isObject()) {
			return "not an object";
		}
		for (Iterator<String> names = item.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!ITEM_FIELDS.contains(name)) {
				return "unknown field '" + name + "'";
			}
		}
		JsonNode tagNode = item.get("assetTag");
		if (tagNode == null || tagNode.isNull() || (tagNode.isString() && tagNode.asString().isBlank())) {
			return "assetTag is missing";
		}
		if (!tagNode.isString()) {
			return "assetTag must be a string";
		}
		String tag = tagNode.asString().strip().toUpperCase(Locale.ROOT);
		if (!ASSET_TAG.matcher(tag).matches()) {
			return "assetTag is not a valid asset tag (letters, digits and . _ / -, at most 40)";
		}
		JsonNode upNode = item.get("up");
		if (upNode == null || !upNode.isBoolean()) {
			return "up must be true or false";
		}
		JsonNode atNode = item.get("observedAt");
		if (atNode == null || atNode.isNull()) {
			return "observedAt is missing";
		}
		if (!atNode.isString()) {
			return "observedAt must be an ISO-8601 instant such as 2026-11-28T08:00:00Z";
		}
		Instant observedAt;
		try {
			observedAt = Instant.parse(atNode.asString().strip());
		}
		catch (DateTimeParseException e) {
			return "observedAt is not an ISO-8601 instant with a zone or offset (e.g. 2026-11-28T08:00:00Z): '"
					+ abbreviate(atNode.asString()) + "'";
		}
		if (observedAt.isAfter(latest)) {
			return "observedAt is more than " + describe(futureTolerance) + " in the future";
		}
		if (observedAt.isBefore(earliest)) {
			return "observedAt is older than the retention of " + describe(retention);
		}
		return new Observation(index, tag, upNode.asBoolean(), observedAt);
	}

	private static String abbreviate(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "...";
	}

	static String describe(Duration d) {
		if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
			return d.toDays() + (d.toDays() == 1 ? " day" : " days");
		}
		if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
			return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
		}
		if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
			return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
		}
		return d.toSeconds() + " seconds";
	}
}
