package io.watchkeeper.planning;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of the price list as the API and the page show it. */
record PriceEntry(long id, String kind, LocalDate appliesFrom, long unitPriceNtd, String note, String createdBy,
		Instant createdAt) {
}
