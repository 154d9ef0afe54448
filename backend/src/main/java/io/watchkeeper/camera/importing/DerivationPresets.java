package io.watchkeeper.camera.importing;

import java.util.List;

/**
 * Ready-made patterns a user picks (and combines, one derivation each) instead of writing a regular
 * expression: each has a name, a label key in the message bundles and the pattern.
 */
final class DerivationPresets {

	record Preset(String id, String pattern) {

		public String labelKey() {
			return "import.derive.preset." + id;
		}
	}

	static final List<Preset> ALL = List.of(
			new Preset("rocYearAtStart", "^(?<year>\\d{2,3})(?!\\d)"),
			new Preset("westernYearAtStart", "^(?<year>(?:19|20)\\d{2})(?!\\d)"),
			new Preset("programmeAfterYear", "^\\d{2,4}(?<programme>[^\\-\\s\\d]+)"),
			new Preset("plateWords", "(?<lpr>(?:即時)?(?:車牌辨識|車牌|車辨)|(?i:real-?time\\s*)?LPR)"),
			new Preset("directionAfterWord", "[朝向往面](?<heading>[東西南北]{1,3})"),
			new Preset("intersection", "(?<road>\\S+?[路街道]\\S*?[與和及、/]\\S+?[路街道]\\S*?口)"),
			new Preset("viewWords", "(?<view>全景|環景|魚眼|360度?|槍型|球型|(?i:PTZ|fisheye|panorama|bullet|dome))"));

	private DerivationPresets() {
	}

	static Preset find(String id) {
		return ALL.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
	}
}
