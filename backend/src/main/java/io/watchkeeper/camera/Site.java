package io.watchkeeper.camera;

import java.time.Instant;

import org.locationtech.jts.geom.Point;

import io.watchkeeper.shared.GeoPoint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A pole or mounting point: one place, one address. Cameras on it are numbered site code + index. */
@Entity
@Table(name = "site")
public class Site {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true, length = 40)
	private String code;

	@Column(length = 300)
	private String address;

	private Point location;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected Site() {
	}

	/** A new site where its first camera is: the site takes that camera's place and address. */
	public static Site openFor(String code, GeoPoint location, String address) {
		Site site = new Site();
		site.code = code;
		site.location = location == null ? null : location.toPoint();
		site.address = address;
		site.createdAt = Instant.now();
		return site;
	}

	public Long id() {
		return id;
	}

	public String code() {
		return code;
	}

	public String address() {
		return address;
	}

	public GeoPoint location() {
		return GeoPoint.of(location);
	}
}
