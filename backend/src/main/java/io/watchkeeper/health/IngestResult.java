package io.watchkeeper.health;

import java.util.List;

/**
 * What became of a batch. {@code accepted} observations were new and are stored; {@code duplicates} were known
 * already (the same camera and instant, from an earlier batch or twice in this one) and changed nothing;
 * {@code rejected} are listed in {@code rejections} with their index in the batch, asset tag and reason.
 */
public record IngestResult(int received, int accepted, int duplicates, int rejected, List<Rejection> rejections) {

	/** One observation that was not taken, and why. */
	public record Rejection(int index, String assetTag, String reason) {
	}
}
