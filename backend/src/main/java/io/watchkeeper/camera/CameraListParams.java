package io.watchkeeper.camera;

import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The camera list's request parameters, shared by the page, the API and the exports so that an export
 * link carries exactly the filters the list shows.
 */
public class CameraListParams {

	@Schema(description = "Precinct id (see /api/precincts)")
	private Long precinct;
	@Schema(description = "District id (see /api/districts)")
	private Long district;
	@Schema(description = "Police station id (see /api/stations)")
	private Long station;
	private CameraStatus status;
	@Schema(description = "The camera's state by the one rule: OUTAGE (an outage is open), FAULTY (a repair order is "
			+ "open without an outage), PAST_EOL, WORKING, PLANNED or DECOMMISSIONED")
	private CameraState state;
	@Schema(description = "NONE, LPR, REALTIME_LPR, or ANY for cameras that read plates")
	private LprFilter lpr;
	@Schema(description = "Funding source id (see /api/funding-sources)")
	private Long fundingSource;
	@Schema(description = "Procurement project id (see /api/projects)")
	private Long project;
	@Schema(description = "Cameras whose service life ends in this year", example = "2024")
	private Integer endOfLifeYear;
	@Schema(description = "Cameras still in service whose end of life is before today")
	private boolean pastEndOfLife;
	@Schema(description = "false: only cameras without a location; true: only placed ones")
	private Boolean placed;
	@Schema(description = "Part of an asset tag, site code or address", example = "中山一路")
	private String q;
	@Schema(description = "assetTag (default), address, status, lpr, installDate, endOfLife or updatedAt")
	private String sort;
	@Schema(description = "asc (default) or desc")
	private String dir;
	@Schema(description = "Zero-based page number")
	private int page;
	@Schema(description = "Page size, 1-200", example = "50")
	private int size = 50;

	public CameraFilter toFilter() {
		return new CameraFilter(precinct, district, status, state, lpr, fundingSource, project, endOfLifeYear, pastEndOfLife,
				placed, q, station);
	}

	public CameraSort sortColumn() {
		return CameraSort.fromParam(sort);
	}

	public boolean descending() {
		return CameraSort.descending(dir);
	}

	/** The query string of these filters and sort (no page), e.g. for export links. */
	public String filterQuery() {
		return query(builder());
	}

	/** The query string for another page of the same list. */
	public String pageQuery(int otherPage) {
		UriComponentsBuilder b = builder();
		if (otherPage > 0) {
			b.queryParam("page", otherPage);
		}
		if (size != 50) {
			b.queryParam("size", size);
		}
		return query(b);
	}

	/** The query string that sorts by a column: ascending first, descending when already ascending. */
	public String sortQuery(String column) {
		boolean current = sortColumn().param().equals(column);
		UriComponentsBuilder b = builder().replaceQueryParam("sort", column).replaceQueryParam("dir",
				current && !descending() ? "desc" : "asc");
		return query(b);
	}

	/** "asc", "desc" or "" for the column header's arrow. */
	public String sortState(String column) {
		return sortColumn().param().equals(column) ? (descending() ? "desc" : "asc") : "";
	}

	private UriComponentsBuilder builder() {
		UriComponentsBuilder b = UriComponentsBuilder.newInstance();
		add(b, "precinct", precinct);
		add(b, "district", district);
		add(b, "station", station);
		add(b, "status", status);
		add(b, "state", state);
		add(b, "lpr", lpr);
		add(b, "fundingSource", fundingSource);
		add(b, "project", project);
		add(b, "endOfLifeYear", endOfLifeYear);
		if (pastEndOfLife) {
			b.queryParam("pastEndOfLife", true);
		}
		add(b, "placed", placed);
		add(b, "q", q == null || q.isBlank() ? null : q.strip());
		add(b, "sort", sort == null || sort.isBlank() ? null : sort);
		add(b, "dir", dir == null || dir.isBlank() ? null : dir);
		return b;
	}

	private static String query(UriComponentsBuilder b) {
		String query = b.build().encode().getQuery();
		return query == null ? "" : query;
	}

	private static void add(UriComponentsBuilder b, String name, Object value) {
		if (value != null) {
			b.queryParam(name, value);
		}
	}

	public Long getStation() { return station; }
	public void setStation(Long station) { this.station = station; }
	public Long getPrecinct() { return precinct; }
	public void setPrecinct(Long precinct) { this.precinct = precinct; }
	public Long getDistrict() { return district; }
	public void setDistrict(Long district) { this.district = district; }
	public CameraStatus getStatus() { return status; }
	public void setStatus(CameraStatus status) { this.status = status; }
	public CameraState getState() { return state; }
	public void setState(CameraState state) { this.state = state; }
	public LprFilter getLpr() { return lpr; }
	public void setLpr(LprFilter lpr) { this.lpr = lpr; }
	public Long getFundingSource() { return fundingSource; }
	public void setFundingSource(Long fundingSource) { this.fundingSource = fundingSource; }
	public Long getProject() { return project; }
	public void setProject(Long project) { this.project = project; }
	public Integer getEndOfLifeYear() { return endOfLifeYear; }
	public void setEndOfLifeYear(Integer endOfLifeYear) { this.endOfLifeYear = endOfLifeYear; }
	public boolean isPastEndOfLife() { return pastEndOfLife; }
	public void setPastEndOfLife(boolean pastEndOfLife) { this.pastEndOfLife = pastEndOfLife; }
	public Boolean getPlaced() { return placed; }
	public void setPlaced(Boolean placed) { this.placed = placed; }
	public String getQ() { return q; }
	public void setQ(String q) { this.q = q; }
	public String getSort() { return sort; }
	public void setSort(String sort) { this.sort = sort; }
	public String getDir() { return dir; }
	public void setDir(String dir) { this.dir = dir; }
	public int getPage() { return page; }
	public void setPage(int page) { this.page = page; }
	public int getSize() { return size; }
	public void setSize(int size) { this.size = size; }
}
