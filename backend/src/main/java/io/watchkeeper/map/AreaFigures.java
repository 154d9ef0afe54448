package io.watchkeeper.map;

import java.time.Instant;
import java.util.List;

/**
 * Figures per precinct or district over a period, for the choropleth and the area popup. {@code cameras} are in
 * service (active or faulty) now; {@code working} of them have no open outage and are not faulty; {@code down}
 * have an open outage; {@code downtimeHours} sums the outages' overlap with the period; {@code availability} is
 * 1 − downtime ÷ (cameras × hours of the period), in percent (null without cameras). Downtime counts the cameras in
 * service as the maintenance figures do (planned cameras none, a decommissioned camera until its decommission day ends).
 */
record AreaFigures(String kind, Instant from, Instant to, List<Row> areas) {

	record Row(String code, String nameZh, String nameEn, long cameras, long working, long down, double downtimeHours,
			Double availability, long openOrders) {
	}
}
