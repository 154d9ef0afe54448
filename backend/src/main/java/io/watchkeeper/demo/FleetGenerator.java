package io.watchkeeper.demo;

import static io.watchkeeper.demo.DemoCatalog.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.watchkeeper.demo.KaohsiungAreas.Village;

/**
 * Generates a believable Kaohsiung camera fleet, deterministically: the same seed and size give the same rows.
 * Sites (poles) come first, spread over the villages (every village gets about the same number of cameras, so
 * small urban villages are dense and mountain villages sparse); then the cameras on each site, streamed to a
 * consumer so a million of them never sit in memory at once.
 *
 * <p>How the seed report's figures scale with the fleet size N:
 * <ul>
 * <li>the projects' camera counts (530 replaced, 219 subsidised with 40 real-time LPR, 50 in Qieding, 52 in
 * Yong'an) are facts about those projects and stay exact for N ≥ 10,000; smaller fleets get them scaled by
 * N/10,000 (at least one each);</li>
 * <li>LPR (the report's 八.6): exactly round(N × 3,178 / 20,000) cameras with plate recognition are in service on
 * 2023-06-30 ({@link DemoCatalog#LPR_COUNTED_ON}: installed on or before it, not decommissioned on or before it, not
 * planned), the replacement cameras installed by then included; LPR kept spreading afterwards, so the whole fleet of
 * {@link DemoCatalog#AS_OF} has round(N × 4,000 / 20,000) LPR cameras (more for fleets under about 14,000 cameras,
 * where the projects' fixed counts leave too few ordinary ones), round(N × 300 / 20,000) of them real-time LPR
 * (the subsidy's 40 included). No camera with LPR is ever decommissioned or planned in the demo;</li>
 * <li>install years 2012–2025, weighted so that about a third of the cameras in service on
 * {@link DemoCatalog#AS_OF} are past their 8-year service life.</li>
 * </ul>
 */
final class FleetGenerator {

	enum SiteKind { GENERAL, REPLACEMENT, SUBSIDY, HUNEI_QIEDING, GANGSHAN_YONGAN }

	record Site(int number, String code, String address, double lon, double lat, String district, String precinct,
			SiteKind kind, int cameras) {
	}

	record Camera(String assetTag, int siteNumber, int siteIndex, double lon, double lat, String address,
			String precinct, String district, int heading, int fov, int range, LocalDate installDate,
			LocalDate warrantyEnd, String lpr, String make, String model, String status, String funding, String project,
			String supplier, boolean maintained, LocalDate decommissionedOn, String decommissionReason,
			String decommissionKind, String serialNumber, String notes, boolean placed) {
	}

	/**
	 * Per mille of the in-service or planned cameras on ordinary sites that have an address but no surveyed
	 * coordinates yet, as in the police lists; they fill the unplaced-camera list of the demo.
	 */
	static final int UNPLACED_PER_MILLE = 5;

	static final String UNPLACED_NOTE = "座標待測量";

	/** How many cameras of each kind a fleet of N gets (see the class comment). */
	record Plan(int cameras, int replacementPairs, int subsidy, int subsidyRealtime, int qieding, int yongan,
			int general, int generalLpr, int generalRealtime, int decommissionedH1, int lprInServiceMid2023) {

		static final int MIN_CAMERAS = 100;
		static final int MAX_CAMERAS = 1_000_000;

		static Plan of(int n) {
			if (n < MIN_CAMERAS || n > MAX_CAMERAS) {
				throw new IllegalArgumentException("The demo fleet must have between " + MIN_CAMERAS + " and "
						+ MAX_CAMERAS + " cameras, not " + n);
			}
			int pairs = scaled(n, REPLACEMENT_CAMERAS);
			int subsidy = scaled(n, SUBSIDY_CAMERAS);
			int subsidyRealtime = Math.min(subsidy, scaled(n, SUBSIDY_REALTIME_LPR));
			int qieding = scaled(n, HUNEI_QIEDING_CAMERAS);
			int yongan = scaled(n, GANGSHAN_YONGAN_CAMERAS);
			int general = n - 2 * pairs - subsidy - qieding - yongan;
			int lpr = (int) Math.round(n * (double) LPR_PER_20000 / 20_000);
			int realtime = (int) Math.round(n * (double) REALTIME_LPR_PER_20000 / 20_000);
			int lprInService = (int) Math.round(n * (double) LPR_IN_SERVICE_PER_20000 / 20_000);
			// enough ordinary LPR cameras for the June 2023 count even if no replacement was installed by then
			int generalLpr = Math.max(0, Math.min(general, Math.max(lpr - pairs - subsidyRealtime, lprInService)));
			int generalRealtime = Math.max(0, Math.min(generalLpr, realtime - subsidyRealtime));
			return new Plan(n, pairs, subsidy, subsidyRealtime, qieding, yongan, general, generalLpr, generalRealtime,
					scaled(n, DECOMMISSIONED_2023_H1), Math.min(lprInService, generalLpr + pairs));
		}

		private static int scaled(int n, int count) {
			return n >= FULL_SCALE_FROM ? count : (int) Math.max(1, Math.round(count * (double) n / FULL_SCALE_FROM));
		}
	}

	/**
	 * What the cameras add up to; the reference data's amounts come from here. The out-of-warranty counts are the
	 * generator's own view of what the product's budget split counts in the database (the loader applies that split).
	 */
	static final class Totals {

		final Map<String, Integer> camerasByFunding = new TreeMap<>();
		final Map<String, Long> costByFunding = new TreeMap<>();
		final Map<String, Integer> camerasByProject = new TreeMap<>();
		/** Cameras in service and out of warranty when the 2023 maintenance contracts began, per precinct code. */
		final Map<String, Integer> outOfWarranty2023ByPrecinct = new TreeMap<>();
		int cameras;

		void add(Camera c, long cost) {
			cameras++;
			if (c.funding() != null) {
				camerasByFunding.merge(c.funding(), 1, Integer::sum);
				costByFunding.merge(c.funding(), cost, Long::sum);
			}
			if (c.project() != null) {
				camerasByProject.merge(c.project(), 1, Integer::sum);
			}
			LocalDate start = CONTRACT_START;
			if (c.installDate() != null && c.installDate().isBefore(start) && c.warrantyEnd().isBefore(start)
					&& (c.decommissionedOn() == null || !c.decommissionedOn().isBefore(start))) {
				outOfWarranty2023ByPrecinct.merge(c.precinct(), 1, Integer::sum);
			}
		}
	}

	/** Relative number of cameras installed per year, 2012..2025 (the replacement and 2023 projects come on top). */
	private static final int[] YEAR_WEIGHTS = { 4, 5, 6, 7, 7, 6, 7, 7, 7, 8, 8, 9, 9, 9 };
	/** LPR arrived later: none before 2016. */
	private static final int[] LPR_YEAR_WEIGHTS = { 0, 0, 0, 0, 5, 7, 7, 9, 10, 11, 12, 12, 12, 11 };
	/** Cameras are installed from 1 April to 15 December of their year (the yearly projects' season). */
	private static final int SEASON_FROM_MONTH = 4;
	private static final int SEASON_TO_MONTH = 12;
	private static final int SEASON_TO_DAY = 15;
	private static final String[] CORNERS = { "東北角", "西北角", "東南角", "西南角" };
	private static final LocalDate WARRANTY_REFERENCE = CONTRACT_START;

	private final KaohsiungAreas areas;
	private final long seed;
	private final Plan plan;
	private final List<List<Model>> modelsByYear = new ArrayList<>();
	private final List<List<Model>> lprModelsByYear = new ArrayList<>();

	FleetGenerator(KaohsiungAreas areas, long seed, int cameras) {
		this.areas = areas;
		this.seed = seed;
		this.plan = Plan.of(cameras);
		for (int year = FIRST_INSTALL_YEAR; year <= LAST_INSTALL_YEAR; year++) {
			int y = year;
			modelsByYear.add(MODELS.stream().filter(m -> !m.lpr() && m.fromYear() <= y && y <= m.toYear()).toList());
			lprModelsByYear.add(MODELS.stream().filter(m -> m.lpr() && m.fromYear() <= y && y <= m.toYear()).toList());
		}
	}

	Plan plan() {
		return plan;
	}

	/** Plans every site: where it is, its address, what kind of cameras it carries and how many. */
	List<Site> sites() {
		SplittableRandom random = new SplittableRandom(seed);
		List<Village> villages = areas.villages();
		double[] weights = new double[villages.size()];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = 0.6 + 0.8 * random.nextDouble();
		}
		int[] perVillage = largestRemainder(plan.general(), weights);
		List<Site> sites = new ArrayList<>(plan.cameras() * 10 / 17 + 16);
		for (int i = 0; i < villages.size(); i++) {
			for (int left = perVillage[i]; left > 0;) {
				int size = Math.min(siteSize(random), left);
				sites.add(site(sites.size(), villages.get(i), SiteKind.GENERAL, size, random));
				left -= size;
			}
		}
		double[] cumulative = cumulative(weights);
		addPairs(sites, villagesOf("茄萣區"), SiteKind.HUNEI_QIEDING, plan.qieding(), random);
		addPairs(sites, villagesOf("永安區"), SiteKind.GANGSHAN_YONGAN, plan.yongan(), random);
		for (int left = plan.subsidy(); left > 0;) {
			int size = Math.min(siteSize(random), left);
			sites.add(site(sites.size(), villages.get(pick(cumulative, random)), SiteKind.SUBSIDY, size, random));
			left -= size;
		}
		for (int i = 0; i < plan.replacementPairs(); i++) {
			sites.add(site(sites.size(), villages.get(pick(cumulative, random)), SiteKind.REPLACEMENT, 2, random));
		}
		return sites;
	}

	/** Generates the cameras of the given sites in order; returns what they add up to. */
	Totals cameras(List<Site> sites, Consumer<Camera> out) {
		SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
		Totals totals = new Totals();
		Selection lpr = new Selection(plan.general(), plan.generalLpr());
		Selection realtime = new Selection(plan.generalLpr(), plan.generalRealtime());
		Selection subsidyRealtime = new Selection(plan.subsidy(), plan.subsidyRealtime());
		// The report's LPR count on LPR_COUNTED_ON: the replacement cameras installed by then, the rest ordinary ones.
		int ordinaryLprThen = Math.max(0, Math.min(plan.generalLpr(),
				plan.lprInServiceMid2023() - replacedBy(sites, LPR_COUNTED_ON)));
		Selection lprThen = new Selection(plan.generalLpr(), ordinaryLprThen);
		for (Site site : sites) {
			int heading = random.nextInt(360);
			for (int index = 1; index <= site.cameras(); index++) {
				String tag = site.code() + "-" + (index < 10 ? "0" : "") + index;
				CameraBuilder c = new CameraBuilder(tag, site, index, heading);
				switch (site.kind()) {
				case GENERAL -> general(c, lpr, realtime, lprThen, random);
				case HUNEI_QIEDING -> taipower(c, HUNEI_COMPLETED, HUNEI_FUNDING, HUNEI_PROJECT, random);
				case GANGSHAN_YONGAN -> taipower(c, GANGSHAN_COMPLETED, GANGSHAN_FUNDING, GANGSHAN_PROJECT, random);
				case SUBSIDY -> subsidy(c, subsidyRealtime, random);
				case REPLACEMENT -> replacement(c, random);
				}
				// decided by a hash of seed and tag, so the random streams above (and every other value) stay as they were
				c.placed = !(site.kind() == SiteKind.GENERAL && (c.status.equals("ACTIVE") || c.status.equals("PLANNED"))
						&& Math.floorMod(mix(seed ^ tag.hashCode()), 1000) < UNPLACED_PER_MILLE);
				Camera camera = c.build();
				totals.add(camera, camera.installDate() == null ? 0 : unitCost(camera.installDate().getYear()));
				out.accept(camera);
				heading = (heading + 90 + random.nextInt(91)) % 360;
			}
		}
		return totals;
	}

	private void general(CameraBuilder c, Selection lprPick, Selection realtimePick, Selection lprThenPick,
			SplittableRandom random) {
		boolean lpr = lprPick.next(random);
		boolean realtime = lpr && realtimePick.next(random);
		boolean lprThen = lpr && lprThenPick.next(random);
		if (!lpr && random.nextInt(1000) < 4) {
			c.status = "PLANNED";
			c.notes = "預定設置點，待建置";
			c.fov = 60 + random.nextInt(51);
			c.range = 30 + random.nextInt(121);
			return;
		}
		LocalDate installed;
		if (lpr) {
			installed = lprInstallDate(lprThen, random);
		}
		else {
			int y = FIRST_INSTALL_YEAR + pickWeighted(YEAR_WEIGHTS, random);
			installed = randomDate(seasonFrom(y), seasonTo(y), random);
		}
		int year = installed.getYear();
		c.install(installed, 2 + random.nextInt(4));
		c.lpr = realtime ? "REALTIME_LPR" : lpr ? "LPR" : "NONE";
		c.fov = lpr ? 30 + random.nextInt(21) : 60 + random.nextInt(51);
		c.range = lpr ? 30 + random.nextInt(31) : 30 + random.nextInt(121);
		c.model(pick(lpr ? lprModelsByYear : modelsByYear, year, random));
		if (random.nextInt(1000) < 15) {
			c.funding = donationFunding(year);
			c.supplier = VENDORS.get(random.nextInt(VENDORS.size())).code();
		}
		else {
			c.funding = cityFunding(year);
			c.project = cityProject(year);
			c.supplier = cityVendor(year);
		}
		boolean pastLife = !c.installDate.plusYears(8).isAfter(AS_OF);
		LocalDate earliestRemoval = pastLife ? c.installDate.plusYears(8) : c.installDate.plusDays(60);
		if (!lpr && !earliestRemoval.isAfter(AS_OF) && random.nextInt(1000) < (pastLife ? 70 : 10)) {
			// Past its life it goes for age; younger ones for the other reasons the report's lists give.
			LocalDate on = randomDate(earliestRemoval, AS_OF, random);
			int reason = pastLife ? (random.nextBoolean() ? 0 : 4) : 1 + random.nextInt(3);
			// The report's half year has exactly its own decommissions (DecommissionHistory picks them); a draw that
			// falls in it moves to the same day of the second half, which keeps every count on 2023-01-01 as it was.
			if (!on.isBefore(DECOMMISSIONS_FROM) && !on.isAfter(DECOMMISSIONS_TO)) {
				on = on.plusDays(java.time.temporal.ChronoUnit.DAYS.between(DECOMMISSIONS_FROM, DECOMMISSIONS_TO) + 1);
			}
			c.decommission(on, DECOMMISSION_REASONS.get(reason), DECOMMISSION_KINDS.get(reason));
		}
		else if (random.nextInt(1000) < (pastLife ? 70 : 25)) {
			c.status = "FAULTY";
		}
	}

	private void taipower(CameraBuilder c, LocalDate completed, String funding, String project, SplittableRandom random) {
		c.install(completed, 3);
		c.model(pick(modelsByYear, 2023, random));
		c.funding = funding;
		c.project = project;
		c.supplier = TAIPOWER_VENDOR;
		c.fov = 60 + random.nextInt(51);
		c.range = 30 + random.nextInt(121);
		if (random.nextInt(100) < 3) {
			c.status = "FAULTY";
		}
	}

	private void subsidy(CameraBuilder c, Selection realtimePick, SplittableRandom random) {
		boolean realtime = realtimePick.next(random);
		c.install(randomDate(SUBSIDY_STARTED, LAST_2023_INSTALL, random), 3);
		c.lpr = realtime ? "REALTIME_LPR" : "NONE";
		c.model(pick(realtime ? lprModelsByYear : modelsByYear, 2023, random));
		c.fov = realtime ? 30 + random.nextInt(21) : 60 + random.nextInt(51);
		c.range = realtime ? 30 + random.nextInt(31) : 30 + random.nextInt(121);
		c.funding = SUBSIDY_FUNDING;
		c.project = SUBSIDY_PROJECT;
		c.supplier = SUBSIDY_VENDOR;
		if (random.nextInt(100) < 2) {
			c.status = "FAULTY";
		}
	}

	/** Camera 01 on a replacement site is the old one, decommissioned the day camera 02 replaced it. */
	private void replacement(CameraBuilder c, SplittableRandom random) {
		String oldTag = c.site.code() + "-01";
		String newTag = c.site.code() + "-02";
		LocalDate replacedOn = replacedOn(c.site);
		if (c.index == 1) {
			LocalDate drawn = randomDate(LocalDate.of(2012, 4, 1), replacedOn.minusYears(8), random);
			// within its year's installation project, which is completed on 15 December (DemoCatalog.yearlyProjects)
			LocalDate yearEnd = LocalDate.of(drawn.getYear(), 12, 15);
			LocalDate installed = drawn.isAfter(yearEnd) ? yearEnd : drawn;
			int year = installed.getYear();
			c.install(installed, 3);
			c.model(pick(modelsByYear, year, random));
			c.funding = cityFunding(year);
			c.project = cityProject(year);
			c.supplier = cityVendor(year);
			c.fov = 60 + random.nextInt(51);
			c.range = 30 + random.nextInt(121);
			c.decommission(replacedOn, "逾8年使用年限，由112年汰換案更換為 " + newTag, "REPLACED");
		}
		else {
			c.install(replacedOn, 3);
			c.lpr = "LPR";
			c.model(pick(lprModelsByYear, 2023, random));
			c.fov = 30 + random.nextInt(21);
			c.range = 30 + random.nextInt(31);
			c.funding = REPLACEMENT_FUNDING;
			c.project = REPLACEMENT_PROJECT;
			c.supplier = REPLACEMENT_VENDOR;
			c.serialNumber = serialNumber(c.model, 2023, c.site.number());
			c.notes = "汰換 " + oldTag + "（112年汰換使用逾8年重要路口監視器）";
		}
	}

	/** The day a replacement site's camera was replaced: both cameras of the pair draw it from the same place. */
	private LocalDate replacedOn(Site site) {
		return randomDate(LocalDate.of(2023, 5, 1), LAST_2023_INSTALL, new SplittableRandom(seed + site.number()));
	}

	/** Replacement pairs whose new camera (with LPR) was installed on or before {@code day}. */
	private int replacedBy(List<Site> sites, LocalDate day) {
		return (int) sites.stream().filter(s -> s.kind() == SiteKind.REPLACEMENT && !replacedOn(s).isAfter(day)).count();
	}

	/**
	 * An ordinary LPR camera's install day: in a season of 2016–2025 weighted by {@link #LPR_YEAR_WEIGHTS}, on or
	 * before {@link DemoCatalog#LPR_COUNTED_ON} when {@code inServiceThen}, after it otherwise (each year weighted
	 * by its LPR weight times the days of its season on that side).
	 */
	private static LocalDate lprInstallDate(boolean inServiceThen, SplittableRandom random) {
		int[] weights = new int[LPR_YEAR_WEIGHTS.length];
		for (int i = 0; i < weights.length; i++) {
			LocalDate[] part = seasonPart(FIRST_INSTALL_YEAR + i, inServiceThen);
			weights[i] = part == null ? 0 : LPR_YEAR_WEIGHTS[i] * (int) (part[1].toEpochDay() - part[0].toEpochDay() + 1);
		}
		LocalDate[] part = seasonPart(FIRST_INSTALL_YEAR + pickWeighted(weights, random), inServiceThen);
		return randomDate(part[0], part[1], random);
	}

	/** The part of {@code year}'s season on or before {@link DemoCatalog#LPR_COUNTED_ON} (or after it); null if none. */
	private static LocalDate[] seasonPart(int year, boolean onOrBefore) {
		LocalDate from = seasonFrom(year);
		LocalDate to = seasonTo(year);
		if (onOrBefore && to.isAfter(LPR_COUNTED_ON)) {
			to = LPR_COUNTED_ON;
		}
		if (!onOrBefore && !from.isAfter(LPR_COUNTED_ON)) {
			from = LPR_COUNTED_ON.plusDays(1);
		}
		return from.isAfter(to) ? null : new LocalDate[] { from, to };
	}

	private static LocalDate seasonFrom(int year) {
		return LocalDate.of(year, SEASON_FROM_MONTH, 1);
	}

	private static LocalDate seasonTo(int year) {
		return LocalDate.of(year, SEASON_TO_MONTH, SEASON_TO_DAY);
	}

	private Site site(int number, Village village, SiteKind kind, int cameras, SplittableRandom random) {
		double[] point = areas.randomPointIn(village, random);
		return new Site(number + 1, siteCode(number), address(village.district(), random), point[0], point[1],
				village.district(), village.precinct(), kind, cameras);
	}

	private void addPairs(List<Site> sites, List<Village> villages, SiteKind kind, int cameras, SplittableRandom random) {
		for (int left = cameras; left > 0; left -= 2) {
			sites.add(site(sites.size(), villages.get(random.nextInt(villages.size())), kind, Math.min(2, left), random));
		}
	}

	private List<Village> villagesOf(String district) {
		return areas.villages().stream().filter(v -> v.district().equals(district)).toList();
	}

	/** A delivered camera's serial: its model without punctuation, the year and the site's number (unique per site). */
	static String serialNumber(String model, int year, int siteNumber) {
		return model.replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT) + "-" + year
				+ String.format(java.util.Locale.ROOT, "%07d", siteNumber);
	}

	/** {@code LAAA001} … {@code LAAA999}, {@code LAAB001} …: 17 million codes. */
	static String siteCode(int number) {
		int block = number / 999;
		int within = number % 999 + 1;
		char[] code = { 'L', (char) ('A' + block / 676 % 26), (char) ('A' + block / 26 % 26), (char) ('A' + block % 26),
				(char) ('0' + within / 100), (char) ('0' + within / 10 % 10), (char) ('0' + within % 10) };
		return new String(code);
	}

	/** An address as police camera lists write it: an intersection, a house number, or a highway kilometre mark. */
	static String address(String district, SplittableRandom random) {
		List<String> roads = RoadNames.of(district);
		String road = roads.get(random.nextInt(roads.size()));
		if (RoadNames.isHighway(road)) {
			return road + " " + (3 + random.nextInt(110)) + "." + random.nextInt(10) + "K";
		}
		int form = random.nextInt(100);
		if (form < 25) {
			return road + (1 + random.nextInt(400)) + "號前";
		}
		String cross = roads.get(random.nextInt(roads.size()));
		if (cross.equals(road) || RoadNames.isHighway(cross)) {
			return road + (1 + random.nextInt(400)) + "號前";
		}
		String intersection = road + "/" + cross + "口";
		return form >= 90 ? intersection + "（" + CORNERS[random.nextInt(CORNERS.length)] + "）" : intersection;
	}

	private static int siteSize(SplittableRandom random) {
		int r = random.nextInt(100);
		return r < 45 ? 1 : r < 80 ? 2 : 3;
	}

	private static Model pick(List<List<Model>> byYear, int year, SplittableRandom random) {
		List<Model> models = byYear.get(year - FIRST_INSTALL_YEAR);
		return models.get(random.nextInt(models.size()));
	}

	private static int pickWeighted(int[] weights, SplittableRandom random) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int r = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return i;
			}
		}
		throw new IllegalStateException();
	}

	private static LocalDate randomDate(LocalDate from, LocalDate to, SplittableRandom random) {
		long days = to.toEpochDay() - from.toEpochDay();
		return from.plusDays(days <= 0 ? 0 : random.nextLong(days + 1));
	}

	/** Splits {@code total} in proportion to the weights; the parts add up exactly. */
	static int[] largestRemainder(int total, double[] weights) {
		double sum = 0;
		for (double w : weights) {
			sum += w;
		}
		int[] parts = new int[weights.length];
		double[] fractions = new double[weights.length];
		int given = 0;
		for (int i = 0; i < weights.length; i++) {
			double quota = total * weights[i] / sum;
			parts[i] = (int) Math.floor(quota);
			fractions[i] = quota - parts[i];
			given += parts[i];
		}
		Integer[] order = new Integer[weights.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order, (a, b) -> fractions[a] != fractions[b] ? Double.compare(fractions[b], fractions[a]) : a - b);
		for (int i = 0; given < total; i++, given++) {
			parts[order[i % order.length]]++;
		}
		return parts;
	}

	private static double[] cumulative(double[] weights) {
		double[] cumulative = new double[weights.length];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i];
			cumulative[i] = sum;
		}
		return cumulative;
	}

	/** SplitMix64's finaliser: a well-spread hash of a 64-bit value. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	private static int pick(double[] cumulative, SplittableRandom random) {
		double r = random.nextDouble() * cumulative[cumulative.length - 1];
		int i = java.util.Arrays.binarySearch(cumulative, r);
		return Math.min(cumulative.length - 1, i >= 0 ? i + 1 : -i - 1);
	}

	/** Picks exactly {@code wanted} of {@code population} items in one pass (Knuth's selection sampling). */
	private static final class Selection {

		private int remaining;
		private int wanted;

		Selection(int population, int wanted) {
			this.remaining = population;
			this.wanted = wanted;
		}

		boolean next(SplittableRandom random) {
			if (remaining <= 0) {
				return false;
			}
			boolean chosen = random.nextInt(remaining) < wanted;
			remaining--;
			if (chosen) {
				wanted--;
			}
			return chosen;
		}
	}

	/** Mutable while one camera is being decided, then frozen into a {@link Camera}. */
	private static final class CameraBuilder {

		final String tag;
		final Site site;
		final int index;
		final int heading;
		int fov;
		int range;
		LocalDate installDate;
		LocalDate warrantyEnd;
		String lpr = "NONE";
		String make;
		String model;
		String status = "ACTIVE";
		String funding;
		String project;
		String supplier;
		LocalDate decommissionedOn;
		String decommissionReason;
		String decommissionKind;
		String serialNumber;
		String notes;
		boolean placed = true;

		CameraBuilder(String tag, Site site, int index, int heading) {
			this.tag = tag;
			this.site = site;
			this.index = index;
			this.heading = heading;
		}

		void install(LocalDate on, int warrantyYears) {
			installDate = on;
			warrantyEnd = on.plusYears(warrantyYears);
		}

		void model(Model m) {
			make = m.make();
			model = m.model();
		}

		void decommission(LocalDate on, String reason, String kind) {
			status = "DECOMMISSIONED";
			decommissionedOn = on;
			decommissionReason = reason;
			decommissionKind = kind;
		}

		Camera build() {
			boolean maintained = !"PLANNED".equals(status)
					&& (decommissionedOn == null || !decommissionedOn.isBefore(WARRANTY_REFERENCE));
			String note = placed ? notes : notes == null ? UNPLACED_NOTE : notes + "\n" + UNPLACED_NOTE;
			return new Camera(tag, site.number(), index, site.lon(), site.lat(), site.address(), site.precinct(),
					site.district(), heading, fov, range, installDate, warrantyEnd, lpr, make, model, status, funding,
					project, supplier, maintained, decommissionedOn, decommissionReason, decommissionKind, serialNumber, note,
					placed);
		}
	}
}
