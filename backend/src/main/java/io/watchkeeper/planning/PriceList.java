package io.watchkeeper.planning;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.camera.LprCapability;
import io.watchkeeper.shared.InvalidInputException;

/**
 * The planner's price list, read side: the unit price of replacing one camera of each kind (installation included)
 * in force on a day, which is the entry of that kind with the latest {@code applies_from} on or before it.
 */
@Component
public class PriceList {

	private final NamedParameterJdbcTemplate jdbc;

	PriceList(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The prices in force on {@code day}; kinds without an entry by then are missing from it. */
	@Transactional(readOnly = true)
	public Prices on(LocalDate day) {
		Map<LprCapability, Long> prices = new EnumMap<>(LprCapability.class);
		jdbc.query("""
				SELECT DISTINCT ON (kind) kind, unit_price_ntd FROM price_list_entry
				 WHERE applies_from <= :day ORDER BY kind, applies_from DESC""", Map.of("day", day),
				rs -> {
					prices.put(LprCapability.valueOf(rs.getString("kind")), rs.getLong("unit_price_ntd"));
				});
		return new Prices(day, prices);
	}

	/** Unit prices by camera kind on one day. */
	public record Prices(LocalDate on, Map<LprCapability, Long> byKind) {

		public Prices {
			byKind = Map.copyOf(byKind);
		}

		/** The unit price of a kind; a kind without a price is the planner's to fix (400 naming "prices"). */
		public long of(LprCapability kind) {
			Long price = byKind.get(kind);
			if (price == null) {
				throw missing(List.of(kind));
			}
			return price;
		}

		/** Refuses (400 naming "prices") when any of the kinds in use has no price on this day. */
		public Prices requireAll(Collection<LprCapability> kindsInUse) {
			List<LprCapability> missing = kindsInUse.stream().filter(k -> !byKind.containsKey(k)).distinct().sorted().toList();
			if (!missing.isEmpty()) {
				throw missing(missing);
			}
			return this;
		}

		private InvalidInputException missing(List<LprCapability> kinds) {
			return new InvalidInputException("prices", "The price list has no price on " + on + " for camera kind "
					+ String.join(", ", kinds.stream().map(Enum::name).toList()) + "; add one on the price list first");
		}
	}
}
