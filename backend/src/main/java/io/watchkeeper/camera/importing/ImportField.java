package io.watchkeeper.camera.importing;

import java.util.List;

/**
 * What a column of an import file can mean. Each field lists the headers it is recognised by, as they
 * appear in police lists (zh-TW) and in English; {@link ColumnMapping} compares them after
 * {@link #normalizeHeader(String) normalising} both sides.
 */
enum ImportField {

	ASSET_TAG(40, "編號", "設備編號", "攝影機編號", "鏡頭編號", "監視器編號", "監錄器編號", "資產編號", "財產編號", "assettag", "asset",
			"tag", "cameraid", "camerano", "cameranumber", "id"),
	SITE_CODE(40, "桿號", "站點編號", "站點", "設置點編號", "點位編號", "點位", "site", "sitecode", "pole"),
	ADDRESS(300, "安裝地址", "設置地點", "地址", "裝設地點", "安裝地點", "位置", "設置地址", "架設地點", "裝設地址", "設置位置", "address",
			"location"),
	PRECINCT(100, "分局", "所屬分局", "轄區分局", "precinct"),
	UNIT(100, "所屬單位", "單位", "管理單位", "權管單位", "權責單位", "管轄單位", "負責單位", "單位名稱", "分局派出所", "所屬分局派出所",
			"轄區", "unit", "agency", "responsibleunit"),
	STATION(100, "派出所", "所屬派出所", "轄區派出所", "派出所名稱", "分駐所", "派出所別", "policestation", "station"),
	DISTRICT(100, "行政區", "鄉鎮市區", "區別", "district"),
	LONGITUDE(40, "經度", "wgs84經度", "lon", "lng", "long", "longitude"),
	LATITUDE(40, "緯度", "wgs84緯度", "lat", "latitude"),
	COORDINATES(80, "經緯度", "座標", "坐標", "gps", "coordinates", "lonlat", "(geometry)"),
	TWD97_X(40, "x", "twd97x", "x座標", "x坐標", "橫座標", "easting"),
	TWD97_Y(40, "y", "twd97y", "y座標", "y坐標", "縱座標", "northing"),
	HEADING(40, "攝影方向", "方向", "拍攝方向", "鏡頭方向", "監視方向", "監錄方向", "朝向", "方位", "方位角", "鏡頭朝向", "監視方位", "拍攝方位",
			"攝影機方向", "heading", "direction", "facing",
			"bearing", "azimuth"),
	FOV(20, "視角", "水平視角", "fov", "fieldofview", "viewangle"),
	RANGE(20, "距離", "拍攝距離", "監視距離", "可視距離", "range", "rangem", "distance"),
	INSTALL_DATE(40, "裝設日期", "啟用日期", "安裝日期", "建置日期", "設置日期", "完工日期", "installdate", "installed", "installedon",
			"installationdate"),
	WARRANTY_END(40, "保固", "保固到期日", "保固期限", "保固截止日", "保固日期", "保固到期", "保固期", "warranty", "warrantyend",
			"warrantyuntil"),
	SERVICE_LIFE(20, "使用年限", "耐用年限", "servicelife", "servicelifeyears"),
	LPR(40, "車牌辨識", "車辨", "車牌辨識功能", "車辨功能", "lpr", "licenceplaterecognition", "licenseplaterecognition"),
	MAKE(80, "廠牌", "品牌", "製造商", "make", "brand", "manufacturer"),
	MODEL(80, "型號", "機型", "model"),
	STATUS(40, "狀態", "設備狀態", "使用狀態", "status"),
	NOTES(2000, "備註", "說明", "附註", "notes", "remarks", "note", "comment", "comments"),
	/** Codes of the registry's money and contract records, as the registry's CSV export writes them. */
	FUNDING_SOURCE(40, "經費來源", "經費來源代碼", "fundingsource", "funding", "fundingsourcecode"),
	PROJECT(40, "採購案", "採購案號", "採購案代碼", "標案編號", "project", "projectcode", "procurementproject"),
	CONTRACT(40, "維護契約", "維護合約", "契約編號", "合約編號", "contract", "contractcode", "maintenancecontract"),
	// Columns of the registry's export that the registry works out itself: recognised (so that an export
	// imports without "unused column" warnings) and not imported.
	SITE_INDEX(false, "站點序號", "indexonsite", "siteindex"),
	END_OF_LIFE(false, "屆齡日期", "endoflife"),
	SUPPLIER(false, "供應廠商", "supplier", "suppliervendor"),
	DECOMMISSIONED_ON(false, "報廢日期", "decommissionedon"),
	DECOMMISSION_REASON(false, "報廢原因", "decommissionreason"),
	/** The state the list shows (io.watchkeeper.camera.CameraState): worked out from outages and orders, never imported. */
	STATE(false, "目前狀態", "state", "stateaslisted");

	private final int maxLength;

	private final boolean imported;

	private final List<String> aliases;

	ImportField(int maxLength, String... aliases) {
		this(maxLength, true, aliases);
	}

	ImportField(boolean imported, String... aliases) {
		this(0, imported, aliases);
	}

	ImportField(int maxLength, boolean imported, String... aliases) {
		this.maxLength = maxLength;
		this.imported = imported;
		this.aliases = List.of(aliases).stream().map(ImportField::normalizeHeader).toList();
	}

	/** The longest value a cell of this field may hold, in characters. */
	int maxLength() {
		return maxLength;
	}

	/**
	 * False for a column the registry works out itself (the export's site index, end of life, supplier
	 * and decommissioning): recognised, so it is not reported as unused, but its values are not read.
	 */
	boolean imported() {
		return imported;
	}

	List<String> aliases() {
		return aliases;
	}

	/** Message key of the field's name, in {@code messages/import*.properties}. */
	String labelKey() {
		return "import.field." + name();
	}

	/**
	 * Lower case, full-width folded, without what varies between lists: spaces, underscores, hyphens,
	 * dots and a unit or note in brackets ({@code 經度(WGS84)} is {@code 經度}).
	 */
	static String normalizeHeader(String header) {
		if (header == null) {
			return "";
		}
		String h = Values.fold(header).strip().toLowerCase(java.util.Locale.ROOT);
		if (!h.equals("(geometry)")) {
			h = h.replaceAll("[(\\[（【][^)\\]）】]*[)\\]）】]", "");
		}
		return h.replaceAll("[\\s_\\-.:：/]+", "");
	}
}
