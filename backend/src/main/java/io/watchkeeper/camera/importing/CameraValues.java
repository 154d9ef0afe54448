package io.watchkeeper.camera.importing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Readers for the smaller camera fields: asset tags and sites, LPR capability, status and whole numbers. */
final class CameraValues {

	/** Shared convention: {@code LAAA001-01} is camera 1 on site {@code LAAA001}. */
	static final Pattern SITE_TAG = Pattern.compile("^([A-Z0-9]+)-(\\d{1,2})$");

	private static final Pattern TAG_CHARACTERS = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/#-]*");

	private static final Map<String, String> LPR = new HashMap<>();

	private static final Map<String, String> STATUS = new HashMap<>();

	static {
		for (String none : new String[] { "否", "無", "沒有", "非", "無車辨", "無車牌辨識", "nolpr", "n", "no", "false", "0", "x", "×", "none", "-" }) {
			LPR.put(none, "NONE");
		}
		for (String lpr : new String[] { "是", "有", "y", "yes", "true", "1", "v", "o", "✓", "✔", "lpr", "車牌辨識", "車辨",
				"一般", "一般車辨", "有車辨", "具車牌辨識" }) {
			LPR.put(lpr, "LPR");
		}
		for (String realtime : new String[] { "即時", "即時車辨", "即時車牌辨識", "即時辨識", "realtime", "realtimelpr", "rt", "rtlpr",
				"live" }) {
			LPR.put(realtime, "REALTIME_LPR");
		}
		for (String active : new String[] { "正常", "使用中", "啟用", "運作中", "良好", "active", "ok", "normal", "inservice" }) {
			STATUS.put(active, "ACTIVE");
		}
		for (String faulty : new String[] { "故障", "待修", "維修中", "異常", "損壞", "faulty", "broken", "down", "defective" }) {
			STATUS.put(faulty, "FAULTY");
		}
		for (String planned : new String[] { "規劃", "規劃中", "預定", "未啟用", "待建", "建置中", "planned", "planning" }) {
			STATUS.put(planned, "PLANNED");
		}
		for (String decommissioned : new String[] { "報廢", "除役", "已報廢", "已拆除", "拆除", "decommissioned", "retired" }) {
			STATUS.put(decommissioned, "DECOMMISSIONED");
		}
	}

	/** An asset tag and, when it encodes one, its site and index on that site. */
	record Tag(String assetTag, String siteCode, Integer siteIndex) {
	}

	private CameraValues() {
	}

	/** Upper case, folded to ASCII where possible; letters, digits and {@code . _ / # -} only. */
	static Tag assetTag(String raw) throws BadValue {
		String v = Values.clean(raw);
		if (v == null) {
			throw new BadValue("import.error.required");
		}
		v = v.toUpperCase(Locale.ROOT);
		if (v.length() > ImportField.ASSET_TAG.maxLength()) {
			throw new BadValue("import.error.tooLong", ImportField.ASSET_TAG.maxLength(), v.length());
		}
		if (!TAG_CHARACTERS.matcher(v).matches()) {
			throw new BadValue("import.error.assetTag.characters", raw);
		}
		if (io.watchkeeper.camera.AssetTag.hasTooLongIndex(v)) {
			throw new BadValue("import.error.assetTag.index", raw, io.watchkeeper.camera.AssetTag.MAX_INDEX_DIGITS);
		}
		Matcher m = SITE_TAG.matcher(v);
		if (m.matches()) {
			return new Tag(v, m.group(1), Integer.valueOf(m.group(2)));
		}
		return new Tag(v, null, null);
	}

	static String siteCode(String raw) throws BadValue {
		String v = Values.clean(raw);
		if (v == null) {
			return null;
		}
		v = v.toUpperCase(Locale.ROOT);
		if (v.length() > ImportField.SITE_CODE.maxLength()) {
			throw new BadValue("import.error.tooLong", ImportField.SITE_CODE.maxLength(), v.length());
		}
		if (!TAG_CHARACTERS.matcher(v).matches()) {
			throw new BadValue("import.error.assetTag.characters", raw);
		}
		if (io.watchkeeper.camera.AssetTag.hasTooLongIndex(v)) {
			throw new BadValue("import.error.assetTag.index", raw, io.watchkeeper.camera.AssetTag.MAX_INDEX_DIGITS);
		}
		return v;
	}

	/** NONE, LPR or REALTIME_LPR; null for an empty cell. */
	static String lpr(String raw) throws BadValue {
		String v = key(raw);
		if (v == null) {
			return null;
		}
		String lpr = LPR.get(v);
		if (lpr == null) {
			throw new BadValue("import.error.lpr.unknown", raw);
		}
		return lpr;
	}

	/** ACTIVE, FAULTY or PLANNED; null for an empty cell. An import cannot create decommissioned cameras. */
	static String status(String raw) throws BadValue {
		String v = key(raw);
		if (v == null) {
			return null;
		}
		String status = STATUS.get(v);
		if (status == null) {
			throw new BadValue("import.error.status.unknown", raw);
		}
		if (status.equals("DECOMMISSIONED")) {
			throw new BadValue("import.error.status.decommissioned", raw);
		}
		return status;
	}

	private static final Pattern WHOLE = Pattern.compile("(\\d+(?:\\.0+)?)\\s*(?:°|度|m|公尺|米|meters?|metres?|年|years?|y)?");

	/** A whole number in [min, max], with an optional unit ({@code 90°}, {@code 50m}, {@code 50公尺}, {@code 8年}). */
	static Integer whole(String raw, int min, int max) throws BadValue {
		// not key(): that drops hyphens, which would read -5 as 5
		String c = Values.clean(raw);
		String v = c == null ? null : c.toLowerCase(Locale.ROOT).replace(" ", "");
		if (v == null) {
			return null;
		}
		Matcher m = WHOLE.matcher(v);
		if (!m.matches()) {
			throw new BadValue("import.error.notWholeNumber", raw);
		}
		double d = Double.parseDouble(m.group(1));
		if (d < min || d > max) {
			throw new BadValue("import.error.range", raw, min, max);
		}
		return (int) d;
	}

	/** Free text of at most the field's length, without control characters. */
	static String text(String raw, ImportField field) throws BadValue {
		if (raw == null) {
			return null;
		}
		String v = Values.visible(raw).strip();
		if (v.isEmpty()) {
			return null;
		}
		if (v.length() > field.maxLength()) {
			throw new BadValue("import.error.tooLong", field.maxLength(), v.length());
		}
		if (Values.hasControlCharacters(v)) {
			throw new BadValue("import.error.controlCharacters");
		}
		return v;
	}

	private static String key(String raw) {
		String v = Values.clean(raw);
		return v == null ? null : v.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "").replace("-", v.equals("-") ? "-" : "");
	}
}
