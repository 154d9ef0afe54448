package io.watchkeeper.investigation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.watchkeeper.investigation.CanvassCamera.Availability;
import io.watchkeeper.investigation.CanvassCamera.Interval;

/**
 * Whether a camera recorded in a window, by the rule {@code OutageHistory.recordingAt} applies to an instant: the
 * camera is down while an outage covers the time; it is known to be recording from its first report until the
 * silence threshold after its last one; any other time is unknown. Over a window: down = the union of the outages
 * clipped to it, unknown = the window minus the known time minus the down time.
 */
final class WindowAvailability {

	/** The judgement: availability and the down and unknown parts of the window, in time order. */
	record Judged(Availability availability, List<Interval> down, List<Interval> unknown) {
	}

	private WindowAvailability() {
	}

	/**
	 * @param outages the camera's outages that touch the window, already clipped to it (overlaps allowed)
	 * @param firstSeen the camera's first report (null: it never reported)
	 * @param lastSeen its last report
	 */
	static Judged judge(TimeWindow window, List<Interval> outages, Instant firstSeen, Instant lastSeen,
			Duration silenceThreshold) {
		Instant from = window.from();
		Instant to = window.to();
		Instant knownUntil = lastSeen == null ? null : lastSeen.plus(silenceThreshold);
		boolean reported = firstSeen != null && knownUntil != null;
		if (from.equals(to)) {
			Interval at = new Interval(from, from);
			if (!outages.isEmpty()) {
				return new Judged(Availability.DOWN, List.of(at), List.of());
			}
			boolean known = reported && !firstSeen.isAfter(from) && !knownUntil.isBefore(from);
			return known ? new Judged(Availability.RECORDING, List.of(), List.of())
					: new Judged(Availability.UNKNOWN, List.of(), List.of(at));
		}
		List<Interval> down = union(outages.stream().map(o -> clip(o, from, to)).filter(o -> o != null).toList());
		List<Interval> notKnown = new ArrayList<>();
		if (!reported || !firstSeen.isBefore(to) || !knownUntil.isAfter(from)) {
			notKnown.add(new Interval(from, to));
		}
		else {
			if (firstSeen.isAfter(from)) {
				notKnown.add(new Interval(from, firstSeen));
			}
			if (knownUntil.isBefore(to)) {
				notKnown.add(new Interval(knownUntil, to));
			}
		}
		List<Interval> unknown = minus(notKnown, down);
		Availability availability;
		if (down.isEmpty() && unknown.isEmpty()) {
			availability = Availability.RECORDING;
		}
		else if (covers(down, from, to)) {
			availability = Availability.DOWN;
		}
		else if (down.isEmpty() && covers(unknown, from, to)) {
			availability = Availability.UNKNOWN;
		}
		else {
			availability = Availability.PARTLY;
		}
		return new Judged(availability, down, unknown);
	}

	/** The part of {@code i} inside [from, to); null when nothing of it is. */
	static Interval clip(Interval i, Instant from, Instant to) {
		Instant start = i.from().isBefore(from) ? from : i.from();
		Instant end = i.to() == null || i.to().isAfter(to) ? to : i.to();
		return start.isBefore(end) ? new Interval(start, end) : null;
	}

	/** Overlapping or touching intervals merged, in time order. */
	static List<Interval> union(List<Interval> intervals) {
		List<Interval> sorted = new ArrayList<>(intervals);
		sorted.sort(Comparator.comparing(Interval::from));
		List<Interval> merged = new ArrayList<>();
		for (Interval i : sorted) {
			Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && !i.from().isAfter(last.to())) {
				if (i.to().isAfter(last.to())) {
					merged.set(merged.size() - 1, new Interval(last.from(), i.to()));
				}
			}
			else {
				merged.add(i);
			}
		}
		return merged;
	}

	/** {@code of} without the time {@code cut} covers; both in time order and disjoint. */
	static List<Interval> minus(List<Interval> of, List<Interval> cut) {
		List<Interval> result = new ArrayList<>();
		for (Interval piece : of) {
			Instant start = piece.from();
			for (Interval c : cut) {
				if (!c.to().isAfter(start) || !c.from().isBefore(piece.to())) {
					continue;
				}
				if (c.from().isAfter(start)) {
					result.add(new Interval(start, c.from()));
				}
				start = c.to().isAfter(start) ? c.to() : start;
			}
			if (start.isBefore(piece.to())) {
				result.add(new Interval(start, piece.to()));
			}
		}
		return result;
	}

	private static boolean covers(List<Interval> intervals, Instant from, Instant to) {
		return intervals.size() == 1 && !intervals.get(0).from().isAfter(from) && !intervals.get(0).to().isBefore(to);
	}
}
