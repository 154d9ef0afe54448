package io.watchkeeper.gazetteer;

/**
 * An address read into its parts by {@link AddressNormaliser}: a door plate (road section, lane, alley, number and
 * sub-number), a road section alone, or an intersection of two roads. Numbers are 0 when absent (no lane, no alley,
 * no sub-number); {@code number} is 0 when the address names no house number. {@code city} and {@code district}
 * are null when the address does not say them.
 */
public record Address(Kind kind, String city, String district, String road, int section, int lane, int alley,
		int number, int sub, String road2, int section2) {

	/** What an address names. */
	public enum Kind {
		/** a house number on a road (maybe in a lane or alley) */
		DOOR_PLATE,
		/** a road, a road section or a lane without a house number */
		ROAD,
		/** where two roads meet */
		INTERSECTION,
		/** nothing a gazetteer can find */
		UNREADABLE
	}

	static final Address UNREADABLE = new Address(Kind.UNREADABLE, null, null, null, 0, 0, 0, 0, 0, null, 0);

	/** The road with its section as the gazetteer keys it: 中正路3段, 中正四路. */
	public String roadKey() {
		return road == null ? null : key(road, section);
	}

	/** The second road of an intersection, keyed as {@link #roadKey()}. */
	public String road2Key() {
		return road2 == null ? null : key(road2, section2);
	}

	static String key(String road, int section) {
		return section > 0 ? road + section + "段" : road;
	}

	/**
	 * The normalised text: the same for every way of writing the same place (中正路3段15巷2弄7之1號, 中正路與五福路口).
	 * The district comes first when known.
	 */
	public String text() {
		StringBuilder s = new StringBuilder();
		if (district != null) {
			s.append(district);
		}
		switch (kind) {
			case UNREADABLE -> {
				return null;
			}
			case INTERSECTION -> {
				return s.append(roadKey()).append('與').append(road2Key()).append('口').toString();
			}
			default -> {
				s.append(roadKey());
				if (lane > 0) {
					s.append(lane).append('巷');
				}
				if (alley > 0) {
					s.append(alley).append('弄');
				}
				if (number > 0) {
					s.append(number);
					if (sub > 0) {
						s.append('之').append(sub);
					}
					s.append('號');
				}
				return s.toString();
			}
		}
	}

	/** The same address in another district (the district a dataset or a camera's area says). */
	Address inDistrict(String otherDistrict) {
		return new Address(kind, city, otherDistrict, road, section, lane, alley, number, sub, road2, section2);
	}
}
