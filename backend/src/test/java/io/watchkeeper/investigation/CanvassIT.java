package io.watchkeeper.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.health.HealthProperties;
import io.watchkeeper.investigation.CanvassCamera.Availability;
import io.watchkeeper.investigation.CanvassCamera.Facing;
import io.watchkeeper.investigation.CanvassCamera.Interval;
import io.watchkeeper.investigation.CanvassCamera.Travel;
import io.watchkeeper.shared.GeoPoint;
import io.watchkeeper.shared.InvalidInputException;

/**
 * The canvass engine on the real PostGIS, with cameras of its own in the sea south-west of Penghu (inside Taiwan's
 * bounds, away from every other test's fixtures); each test works around its own point. Distances and bearings are
 * checked against an independent geodesic ({@link Vincenty}).
 */
@SpringBootTest
class CanvassIT {

	static final Instant FROM = Instant.parse("2023-03-30T02:00:00Z");
	static final Instant TO = Instant.parse("2023-03-30T04:00:00Z");
	static final TimeWindow WINDOW = new TimeWindow(FROM, TO);
	static final double LAT = 21.80;
	private static final AtomicInteger PLACES = new AtomicInteger();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CanvassQueries queries;

	@Autowired
	InvestigationProperties properties;

	@Autowired
	HealthProperties health;

	@Autowired
	Canvassing canvassing;

	/** Canvassing on a fixed day (Asia/Taipei dates follow from the instant). */
	Canvassing on(String instant) {
		return new Canvassing(queries, properties, health, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
	}

	/** A fresh incident point for one test, 5 km from the previous one. */
	GeoPoint place() {
		return new GeoPoint(118.30 + PLACES.incrementAndGet() * 0.05, LAT);
	}

	/** A point {@code north} and {@code east} metres from {@code p} (roughly; tests measure with Vincenty). */
	static GeoPoint offset(GeoPoint p, double north, double east) {
		return new GeoPoint(p.longitude() + east / (111_320 * Math.cos(Math.toRadians(p.latitude()))),
				p.latitude() + north / 110_700);
	}

	long camera(String tag, GeoPoint at) {
		long id = jdbc.queryForObject("""
				INSERT INTO camera (asset_tag, location, install_date, status)
				VALUES (?, ST_SetSRID(ST_MakePoint(?, ?), 4326), DATE '2020-01-01', 'ACTIVE') RETURNING id""", Long.class,
				tag, at.longitude(), at.latitude());
		heard(id, Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2023-12-01T00:00:00Z"));
		return id;
	}

	void set(long camera, String assignments, Object... values) {
		Object[] args = new Object[values.length + 1];
		System.arraycopy(values, 0, args, 0, values.length);
		args[values.length] = camera;
		jdbc.update("UPDATE camera SET " + assignments + " WHERE id = ?", args);
	}

	void heard(long camera, Instant first, Instant last) {
		jdbc.update("DELETE FROM camera_health WHERE camera_id = ?", camera);
		if (first != null) {
			jdbc.update("""
					INSERT INTO camera_health (camera_id, first_seen_at, last_seen_at, up, state_since, updated_at)
					VALUES (?, ?, ?, true, ?, now())""", camera, Timestamp.from(first), Timestamp.from(last),
					Timestamp.from(first));
		}
	}

	void outage(long camera, String from, String to) {
		jdbc.update("INSERT INTO outage (camera_id, started_at, ended_at, cause) VALUES (?, ?, ?, 'MANUAL')", camera,
				Timestamp.from(Instant.parse(from)), to == null ? null : Timestamp.from(Instant.parse(to)));
	}

	static Map<String, CanvassCamera> byTag(CanvassAnswer answer) {
		return answer.cameras().stream().collect(Collectors.toMap(CanvassCamera::assetTag, Function.identity()));
	}

	static List<String> tags(CanvassAnswer answer) {
		return answer.cameras().stream().map(CanvassCamera::assetTag).toList();
	}

	@Test
	void distancesAndBearingsAgreeWithAnIndependentGeodesicNearestFirst() {
		GeoPoint p = place();
		record Spot(String tag, double north, double east) {
		}
		List<Spot> spots = List.of(new Spot("CVD-N", 400, 0), new Spot("CVD-NE", 500, 600), new Spot("CVD-E", 0, 950),
				new Spot("CVD-SW", -300, -200), new Spot("CVD-W", 10, -990), new Spot("CVD-NEAR", 3, 4),
				new Spot("CVD-OUT", 0, 1_010), new Spot("CVD-CORNER", 800, 800));
		for (Spot s : spots) {
			camera(s.tag(), offset(p, s.north(), s.east()));
		}
		CanvassAnswer answer = canvassing.around(p, 1_000, WINDOW, false);

		assertThat(tags(answer)).doesNotContain("CVD-OUT", "CVD-CORNER")
			.containsExactly("CVD-NEAR", "CVD-SW", "CVD-N", "CVD-NE", "CVD-E", "CVD-W");
		for (CanvassCamera c : answer.cameras()) {
			Vincenty.Inverse v = Vincenty.inverse(c.longitude(), c.latitude(), p.longitude(), p.latitude());
			assertThat(c.distanceM()).as(c.assetTag()).isCloseTo(v.metres(), within(0.5));
			assertThat(c.bearingDeg()).as(c.assetTag()).isCloseTo(v.azimuthDeg(), within(0.01));
			assertThat(v.metres()).isLessThanOrEqualTo(1_000);
		}
		Vincenty.Inverse out = Vincenty.inverse(p.longitude(), p.latitude(), offset(p, 0, 1_010).longitude(), p.latitude());
		assertThat(out.metres()).as("the excluded camera is really outside").isGreaterThan(1_000);
		assertThat(answer.found()).isEqualTo(6);
	}

	@Test
	void facingAcrossNorthOmnidirectionalUnknownHeadingAndEdge() {
		GeoPoint p = place();
		// all south of the point: the bearing from each camera to the point is 0° (north)
		set(camera("CVF-WRAP", offset(p, -50, 0)), "heading_deg = 340, fov_deg = 60, range_m = 100");
		set(camera("CVF-WRAP2", offset(p, -51, 0)), "heading_deg = 15, fov_deg = 40, range_m = 100");
		set(camera("CVF-EDGEANGLE", offset(p, -52, 0)), "heading_deg = 320, fov_deg = 60, range_m = 100");
		set(camera("CVF-NO", offset(p, -53, 0)), "heading_deg = 300, fov_deg = 60, range_m = 100");
		set(camera("CVF-EDGERANGE", offset(p, -54, 0)), "heading_deg = 0, fov_deg = 60, range_m = 50");
		set(camera("CVF-FAR", offset(p, -80, 0)), "heading_deg = 0, fov_deg = 60, range_m = 50");
		set(camera("CVF-OMNI", offset(p, -55, 0)), "heading_deg = NULL, fov_deg = 360, range_m = 100");
		set(camera("CVF-NOHEADING", offset(p, -56, 0)), "heading_deg = NULL, fov_deg = 60, range_m = 100");
		set(camera("CVF-DEFAULTFOV", offset(p, -57, 0)), "heading_deg = 25, fov_deg = NULL, range_m = NULL");

		Map<String, CanvassCamera> cameras = byTag(canvassing.around(p, 200, WINDOW, false));
		assertThat(cameras.get("CVF-WRAP").bearingDeg()).isCloseTo(0.0, within(0.01));
		assertThat(cameras.get("CVF-WRAP").facing()).isEqualTo(Facing.YES);
		assertThat(cameras.get("CVF-WRAP2").facing()).isEqualTo(Facing.YES);
		assertThat(cameras.get("CVF-EDGEANGLE").facing()).isEqualTo(Facing.EDGE);
		assertThat(cameras.get("CVF-NO").facing()).isEqualTo(Facing.NO);
		assertThat(cameras.get("CVF-EDGERANGE").facing()).as("54 m with a 50 m range").isEqualTo(Facing.EDGE);
		assertThat(cameras.get("CVF-FAR").facing()).as("80 m with a 50 m range").isEqualTo(Facing.NO);
		assertThat(cameras.get("CVF-OMNI").facing()).isEqualTo(Facing.YES);
		assertThat(cameras.get("CVF-NOHEADING").facing()).isEqualTo(Facing.UNKNOWN);
		assertThat(cameras.get("CVF-DEFAULTFOV").facing()).as("default 60°: 25° off").isEqualTo(Facing.YES);
		assertThat(cameras.get("CVF-DEFAULTFOV").fovDeg()).isNull();
	}

	@Test
	void availabilityFromTheOutageHistory() {
		GeoPoint p = place();
		long before = camera("CVA-BEFORE", offset(p, 10, 0));
		outage(before, "2023-03-30T00:00:00Z", "2023-03-30T02:00:00Z");
		long acrossStart = camera("CVA-ACROSSSTART", offset(p, 20, 0));
		outage(acrossStart, "2023-03-30T01:30:00Z", "2023-03-30T02:30:00Z");
		long inside = camera("CVA-INSIDE", offset(p, 30, 0));
		outage(inside, "2023-03-30T02:30:00Z", "2023-03-30T03:00:00Z");
		outage(inside, "2023-03-30T03:10:00Z", "2023-03-30T03:20:00Z");
		long acrossEnd = camera("CVA-ACROSSEND", offset(p, 40, 0));
		outage(acrossEnd, "2023-03-30T03:30:00Z", "2023-03-30T05:00:00Z");
		long after = camera("CVA-AFTER", offset(p, 50, 0));
		outage(after, "2023-03-30T04:00:00Z", "2023-03-30T05:00:00Z");
		long open = camera("CVA-OPEN", offset(p, 60, 0));
		outage(open, "2023-03-30T03:00:00Z", null);
		long down = camera("CVA-DOWN", offset(p, 70, 0));
		outage(down, "2023-03-29T00:00:00Z", "2023-03-31T00:00:00Z");
		long noHealth = camera("CVA-NOHEALTH", offset(p, 80, 0));
		heard(noHealth, null, null);
		long silent = camera("CVA-SILENT", offset(p, 90, 0));
		heard(silent, Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2023-03-30T02:50:00Z"));

		Map<String, CanvassCamera> c = byTag(canvassing.around(p, 200, WINDOW, false));
		assertThat(c.get("CVA-BEFORE").availability()).isEqualTo(Availability.RECORDING);
		assertThat(c.get("CVA-BEFORE").downIntervals()).isEmpty();
		assertThat(c.get("CVA-ACROSSSTART").availability()).isEqualTo(Availability.PARTLY);
		assertThat(c.get("CVA-ACROSSSTART").downIntervals()).containsExactly(interval("02:00", "02:30"));
		assertThat(c.get("CVA-INSIDE").downIntervals()).containsExactly(interval("02:30", "03:00"), interval("03:10", "03:20"));
		assertThat(c.get("CVA-ACROSSEND").downIntervals()).containsExactly(interval("03:30", "04:00"));
		assertThat(c.get("CVA-AFTER").availability()).isEqualTo(Availability.RECORDING);
		assertThat(c.get("CVA-OPEN").availability()).isEqualTo(Availability.PARTLY);
		assertThat(c.get("CVA-OPEN").downIntervals()).containsExactly(interval("03:00", "04:00"));
		assertThat(c.get("CVA-DOWN").availability()).isEqualTo(Availability.DOWN);
		assertThat(c.get("CVA-NOHEALTH").availability()).isEqualTo(Availability.UNKNOWN);
		assertThat(c.get("CVA-NOHEALTH").unknownIntervals()).containsExactly(interval("02:00", "04:00"));
		assertThat(c.get("CVA-SILENT").availability()).isEqualTo(Availability.PARTLY);
		assertThat(c.get("CVA-SILENT").unknownIntervals()).as("heard until 02:50, silence threshold 15 min")
			.containsExactly(interval("03:05", "04:00"));

		Map<String, CanvassCamera> at = byTag(canvassing.around(p, 200, new TimeWindow(Instant.parse("2023-03-30T02:45:00Z"), null), false));
		assertThat(at.get("CVA-INSIDE").availability()).isEqualTo(Availability.DOWN);
		assertThat(at.get("CVA-BEFORE").availability()).isEqualTo(Availability.RECORDING);
		assertThat(at.get("CVA-NOHEALTH").availability()).isEqualTo(Availability.UNKNOWN);
		assertThat(at.get("CVA-OPEN").availability()).isEqualTo(Availability.RECORDING);
		Map<String, CanvassCamera> atStart = byTag(canvassing.around(p, 200, new TimeWindow(Instant.parse("2023-03-30T03:00:00Z"), null), false));
		assertThat(atStart.get("CVA-OPEN").availability()).as("an outage covers the instant it starts").isEqualTo(Availability.DOWN);
		assertThat(atStart.get("CVA-INSIDE").availability()).as("not the instant it ends").isEqualTo(Availability.RECORDING);
	}

	static Interval interval(String from, String to) {
		return new Interval(Instant.parse("2023-03-30T" + from + ":00Z"), Instant.parse("2023-03-30T" + to + ":00Z"));
	}

	@Test
	void onlyCamerasThatExistedInTheWindowAndLprOnly() {
		GeoPoint p = place();
		// the window is 2023-03-30 10:00-12:00 in Taipei
		set(camera("CVE-INSTALLEDAFTER", offset(p, 10, 0)), "install_date = DATE '2023-03-31'");
		set(camera("CVE-INSTALLEDTHATDAY", offset(p, 20, 0)), "install_date = DATE '2023-03-30'");
		set(camera("CVE-NOINSTALLDATE", offset(p, 25, 0)), "install_date = NULL");
		set(camera("CVE-GONEBEFORE", offset(p, 30, 0)), "status = 'DECOMMISSIONED', decommissioned_on = DATE '2023-03-29'");
		set(camera("CVE-GONETHATDAY", offset(p, 40, 0)), "status = 'DECOMMISSIONED', decommissioned_on = DATE '2023-03-30', lpr = 'LPR'");
		set(camera("CVE-PLANNED", offset(p, 50, 0)), "status = 'PLANNED', install_date = NULL");
		set(camera("CVE-REALTIME", offset(p, 60, 0)), "lpr = 'REALTIME_LPR'");
		jdbc.update("INSERT INTO camera (asset_tag, install_date) VALUES ('CVE-NOWHERE', DATE '2020-01-01')");

		assertThat(tags(canvassing.around(p, 200, WINDOW, false))).containsExactly("CVE-INSTALLEDTHATDAY",
				"CVE-NOINSTALLDATE", "CVE-GONETHATDAY", "CVE-REALTIME");
		assertThat(tags(canvassing.around(p, 200, WINDOW, true))).containsExactly("CVE-GONETHATDAY", "CVE-REALTIME");
	}

	@Test
	void footageExpiryByRetentionAndTaipeiDates() {
		GeoPoint p = place();
		camera("CVX-DEFAULT", offset(p, 10, 0));
		set(camera("CVX-WEEK", offset(p, 20, 0)), "retention_days = 7");
		set(camera("CVX-LONG", offset(p, 30, 0)), "retention_days = 31");

		// 2023-04-29 08:00 in Taipei: 30 days after the window's start date is today, not past
		CanvassAnswer first = on("2023-04-29T00:00:00Z").around(p, 200, WINDOW, false);
		Map<String, CanvassCamera> c = byTag(first);
		assertThat(c.get("CVX-DEFAULT").retentionDays()).isEqualTo(properties.defaultRetentionDays()).isEqualTo(30);
		assertThat(c.get("CVX-DEFAULT").footageExpiresOn()).isEqualTo(LocalDate.of(2023, 4, 29));
		assertThat(c.get("CVX-DEFAULT").expired()).isFalse();
		assertThat(c.get("CVX-WEEK").footageExpiresOn()).isEqualTo(LocalDate.of(2023, 4, 6));
		assertThat(c.get("CVX-WEEK").expired()).isTrue();
		assertThat(c.get("CVX-LONG").expired()).isFalse();
		assertThat(first.expired()).isEqualTo(1);
		assertThat(first.answeredAt()).isEqualTo(Instant.parse("2023-04-29T00:00:00Z"));

		// 16:30 UTC is already 2023-04-30 in Taipei
		CanvassAnswer later = on("2023-04-29T16:30:00Z").around(p, 200, WINDOW, false);
		assertThat(byTag(later).get("CVX-DEFAULT").expired()).isTrue();
		assertThat(byTag(later).get("CVX-LONG").expired()).isFalse();
		assertThat(later.expired()).isEqualTo(2);
	}

	@Test
	void summaryCountsFacingAndRecording() {
		GeoPoint p = place();
		set(camera("CVS-YES", offset(p, -30, 0)), "heading_deg = 0, fov_deg = 60");
		set(camera("CVS-EDGE", offset(p, -31, 0)), "heading_deg = 40, fov_deg = 60");
		long partly = camera("CVS-PARTLY", offset(p, -32, 0));
		set(partly, "heading_deg = 0, fov_deg = 60");
		outage(partly, "2023-03-30T03:00:00Z", "2023-03-30T03:30:00Z");
		long down = camera("CVS-DOWN", offset(p, -33, 0));
		set(down, "heading_deg = 0, fov_deg = 60");
		outage(down, "2023-03-30T01:00:00Z", null);
		set(camera("CVS-AWAY", offset(p, -34, 0)), "heading_deg = 180, fov_deg = 60");
		CanvassAnswer answer = canvassing.around(p, 100, WINDOW, false);
		assertThat(answer.found()).isEqualTo(5);
		assertThat(answer.facingAndRecording()).isEqualTo(3);
	}

	@Test
	void aRouteThatTurnsBackOnItself() {
		GeoPoint a = place();
		GeoPoint b = offset(a, 0, 1_000);
		GeoPoint c = offset(b, 40, 0);
		GeoPoint d = offset(a, 40, 0);
		// X lies between the two legs (20 m from each): its first pass is on the way out
		set(camera("CVR-X", offset(a, 20, 300)), "heading_deg = 90, fov_deg = 60");
		// Z: 25 m south of the way out, heading back west
		set(camera("CVR-Z", offset(a, -25, 800)), "heading_deg = 270, fov_deg = 60");
		// Y: 30 m north of the way back, only near that leg, heading west with it
		set(camera("CVR-Y", offset(a, 70, 600)), "heading_deg = 265, fov_deg = 60");
		set(camera("CVR-ACROSS", offset(a, -10, 500)), "heading_deg = 0, fov_deg = 60");
		set(camera("CVR-OMNI", offset(a, -10, 520)), "heading_deg = 90, fov_deg = 360");
		set(camera("CVR-NOHEADING", offset(a, -10, 540)), "heading_deg = NULL");
		set(camera("CVR-FAR", offset(a, -60, 500)), "heading_deg = 0");

		CanvassAnswer answer = canvassing.along(List.of(a, b, c, d), 35, WINDOW, false);
		assertThat(tags(answer)).containsExactly("CVR-X", "CVR-ACROSS", "CVR-OMNI", "CVR-NOHEADING", "CVR-Z", "CVR-Y");
		Map<String, CanvassCamera> cams = byTag(answer);

		CanvassCamera x = cams.get("CVR-X");
		GeoPoint xFoot = new GeoPoint(x.longitude(), a.latitude());
		assertThat(x.alongM()).isCloseTo(Vincenty.inverse(a.longitude(), a.latitude(), xFoot.longitude(), xFoot.latitude()).metres(),
				within(0.5));
		assertThat(x.offsetM()).isCloseTo(Vincenty.inverse(x.longitude(), x.latitude(), xFoot.longitude(), xFoot.latitude()).metres(),
				within(0.5));
		assertThat(x.distanceM()).isEqualTo(x.offsetM());
		assertThat(x.travel()).isEqualTo(Travel.WITH);
		assertThat(x.bearingDeg()).as("towards its nearest point of the route, due south").isCloseTo(180.0, within(0.1));

		CanvassCamera y = cams.get("CVR-Y");
		double legs = Vincenty.inverse(a.longitude(), a.latitude(), b.longitude(), b.latitude()).metres()
				+ Vincenty.inverse(b.longitude(), b.latitude(), c.longitude(), c.latitude()).metres();
		double back = Vincenty.inverse(c.longitude(), c.latitude(), y.longitude(), c.latitude()).metres();
		assertThat(y.alongM()).isCloseTo(legs + back, within(1.0));
		assertThat(y.travel()).as("heading 265° on the way back west").isEqualTo(Travel.WITH);
		assertThat(cams.get("CVR-Z").travel()).as("heading west on the way out east").isEqualTo(Travel.AGAINST);
		assertThat(cams.get("CVR-ACROSS").travel()).isEqualTo(Travel.ACROSS);
		assertThat(cams.get("CVR-OMNI").travel()).isEqualTo(Travel.UNKNOWN);
		assertThat(cams.get("CVR-NOHEADING").travel()).isEqualTo(Travel.UNKNOWN);
		// the summary of a route counts cameras facing with or against travel that recorded
		assertThat(answer.facingAndRecording()).isEqualTo(3);

		CanvassAnswer lpr = canvassing.along(List.of(a, b, c, d), 35, WINDOW, true);
		assertThat(lpr.cameras()).isEmpty();
	}

	@Test
	void incidentPlaceFromCoordinatesTwd97AndTags() {
		GeoPoint p = place();
		long cam = camera("CVP-01", p);
		jdbc.update("INSERT INTO site (code, location) VALUES ('CVPSITE', ST_SetSRID(ST_MakePoint(?, ?), 4326))",
				p.longitude() + 0.001, p.latitude());
		jdbc.update("INSERT INTO camera (asset_tag) VALUES ('CVP-NOWHERE')");

		assertThat(canvassing.place(120.3, 22.6, null, null, null)).isEqualTo(new GeoPoint(120.3, 22.6));
		assertThat(canvassing.place(null, null, null, null, "cvp-01")).isEqualTo(p);
		assertThat(canvassing.place(null, null, null, null, " CVPSITE ")).isEqualTo(new GeoPoint(p.longitude() + 0.001, p.latitude()));
		assertThat(cam).isPositive();

		// Kaohsiung Main Station, about (179,000; 2,502,000) in TWD97: checked against proj4j
		CRSFactory crs = new CRSFactory();
		ProjCoordinate wgs = new ProjCoordinate();
		new CoordinateTransformFactory().createTransform(crs.createFromParameters("EPSG:3826",
				"+proj=tmerc +lat_0=0 +lon_0=121 +k=0.9999 +x_0=250000 +y_0=0 +ellps=GRS80 +units=m +no_defs"),
				crs.createFromParameters("EPSG:4326", "+proj=longlat +datum=WGS84 +no_defs"))
			.transform(new ProjCoordinate(179_000, 2_502_000), wgs);
		GeoPoint fromTwd = canvassing.place(null, null, 179_000.0, 2_502_000.0, null);
		assertThat(fromTwd.longitude()).isCloseTo(wgs.x, within(1e-7));
		assertThat(fromTwd.latitude()).isCloseTo(wgs.y, within(1e-7));

		assertField(() -> canvassing.place(null, null, null, null, null), "longitude");
		assertField(() -> canvassing.place(120.3, 22.6, null, null, "CVP-01"), "tag");
		assertField(() -> canvassing.place(120.3, null, null, null, null), "latitude");
		assertField(() -> canvassing.place(Double.NaN, 22.6, null, null, null), "longitude");
		assertField(() -> canvassing.place(120.3, Double.POSITIVE_INFINITY, null, null, null), "latitude");
		assertField(() -> canvassing.place(139.7, 35.7, null, null, null), "longitude");
		assertField(() -> canvassing.place(120.3, 30.0, null, null, null), "latitude");
		assertField(() -> canvassing.place(null, null, 179_000.0, 5_000_000.0, null), "twd97Y");
		assertField(() -> canvassing.place(null, null, Double.NaN, 2_502_000.0, null), "twd97X");
		assertField(() -> canvassing.place(null, null, 900_000.0, 2_502_000.0, null), "twd97X");
		assertField(() -> canvassing.place(null, null, null, null, "NO-SUCH-TAG"), "tag");
		assertField(() -> canvassing.place(null, null, null, null, "CVP-NOWHERE"), "tag");
		assertField(() -> canvassing.place(null, null, null, null, "CVP\u0000"), "tag");
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		GeoPoint p = place();
		assertField(() -> canvassing.around(p, 0, WINDOW, false), "radiusM");
		assertField(() -> canvassing.around(p, 1_001, WINDOW, false), "radiusM");
		assertField(() -> canvassing.around(new GeoPoint(0, 0), 200, WINDOW, false), "longitude");
		assertField(() -> canvassing.around(new GeoPoint(120.3, 40), 200, WINDOW, false), "latitude");
		assertField(() -> new TimeWindow(FROM, FROM.plusSeconds(7 * 86_400 + 1)), "to");
		assertField(() -> new TimeWindow(FROM, FROM.minusSeconds(1)), "to");
		assertField(() -> new TimeWindow(null, TO), "from");
		assertThat(canvassing.around(p, 1_000, new TimeWindow(FROM, FROM.plusSeconds(7 * 86_400)), false)).isNotNull();

		assertField(() -> canvassing.along(List.of(p), 50, WINDOW, false), "route");
		List<GeoPoint> many = new ArrayList<>();
		for (int k = 0; k < 501; k++) {
			many.add(offset(p, 0, k * 10));
		}
		assertField(() -> canvassing.along(many, 50, WINDOW, false), "route");
		assertThat(canvassing.along(many.subList(0, 500), 50, WINDOW, false)).isNotNull();
		assertField(() -> canvassing.along(List.of(p, p, p), 50, WINDOW, false), "route");
		assertField(() -> canvassing.along(List.of(p, offset(p, 0, 50_100)), 50, WINDOW, false), "route");
		assertThat(canvassing.along(List.of(p, offset(p, 0, 49_000)), 50, WINDOW, false)).isNotNull();
		assertField(() -> canvassing.along(List.of(p, new GeoPoint(130, 22)), 50, WINDOW, false), "route");
		assertField(() -> canvassing.along(List.of(p, offset(p, 0, 100)), 0, WINDOW, false), "halfWidthM");
		assertField(() -> canvassing.along(List.of(p, offset(p, 0, 100)), 301, WINDOW, false), "halfWidthM");
		// a route that crosses itself is fine
		assertThat(canvassing.along(List.of(p, offset(p, 100, 100), offset(p, 100, 0), offset(p, 0, 100)), 50, WINDOW, false))
			.isNotNull();
	}

	static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
		assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.fieldErrors()).extracting(InvalidInputException.FieldError::field).containsExactly(field));
	}
}
