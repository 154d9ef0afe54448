package io.watchkeeper.camera;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The create and edit forms of the camera pages; the same rules as {@link CameraRequest}. */
public class CameraForm {

	@NotBlank
	@Size(max = AssetTag.MAX_LENGTH)
	@Pattern(regexp = "^\\s*[A-Za-z0-9][A-Za-z0-9._/-]*\\s*$")
	private String assetTag;
	private Double longitude;
	private Double latitude;
	@Size(max = 300)
	private String address;
	private Long precinctId;
	private Long districtId;
	private Long stationId;
	@Min(0) @Max(359)
	private Integer heading;
	@Min(1) @Max(360)
	private Integer fovDeg;
	@Min(1) @Max(2000)
	private Integer rangeM;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate installDate;
	@Min(1) @Max(30)
	private Integer serviceLifeYears = CameraDetails.DEFAULT_SERVICE_LIFE_YEARS;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate warrantyEnd;
	private LprCapability lpr = LprCapability.NONE;
	@Size(max = 80)
	private String make;
	@Size(max = 80)
	private String model;
	private CameraStatus status = CameraStatus.ACTIVE;
	private Long fundingSourceId;
	private Long projectId;
	private Long contractId;
	private Long supplierVendorId;
	@Size(max = CameraDetails.MAX_NOTES_LENGTH)
	private String notes;
	@Min(1) @Max(CameraDetails.MAX_RETENTION_DAYS)
	private Integer retentionDays;
	private long version;

	/** The person ticked "this position is outside the department's area" after being asked. */
	private boolean confirmOutsideArea;

	static CameraForm of(CameraView c) {
		CameraForm f = new CameraForm();
		CameraRequest r = CameraRequest.of(c);
		f.assetTag = r.assetTag();
		f.longitude = r.longitude();
		f.latitude = r.latitude();
		f.address = r.address();
		f.precinctId = r.precinctId();
		f.districtId = r.districtId();
		f.stationId = r.stationId();
		f.heading = Heading.rounded(r.heading());
		f.fovDeg = r.fovDeg();
		f.rangeM = r.rangeM();
		f.installDate = r.installDate();
		f.serviceLifeYears = r.serviceLifeYears();
		f.warrantyEnd = r.warrantyEnd();
		f.lpr = r.lpr();
		f.make = r.make();
		f.model = r.model();
		f.status = r.status();
		f.fundingSourceId = r.fundingSourceId();
		f.projectId = r.projectId();
		f.contractId = r.contractId();
		f.supplierVendorId = r.supplierVendorId();
		f.notes = r.notes();
		f.retentionDays = r.retentionDays();
		f.version = c.version();
		return f;
	}

	CameraCommand toCommand() {
		return new CameraCommand(assetTag, longitude, latitude, address, precinctId, districtId, heading, fovDeg, rangeM,
				installDate, serviceLifeYears, warrantyEnd, lpr, make, model, status, fundingSourceId, projectId,
				contractId, supplierVendorId, notes, retentionDays, stationId);
	}

	public String getAssetTag() { return assetTag; }
	public void setAssetTag(String assetTag) { this.assetTag = assetTag; }
	public Double getLongitude() { return longitude; }
	public void setLongitude(Double longitude) { this.longitude = longitude; }
	public Double getLatitude() { return latitude; }
	public void setLatitude(Double latitude) { this.latitude = latitude; }
	public String getAddress() { return address; }
	public void setAddress(String address) { this.address = address; }
	public Long getStationId() { return stationId; }
	public void setStationId(Long stationId) { this.stationId = stationId; }
	public Long getPrecinctId() { return precinctId; }
	public void setPrecinctId(Long precinctId) { this.precinctId = precinctId; }
	public Long getDistrictId() { return districtId; }
	public void setDistrictId(Long districtId) { this.districtId = districtId; }
	public Integer getHeading() { return heading; }
	public void setHeading(Integer heading) { this.heading = heading; }
	public Integer getFovDeg() { return fovDeg; }
	public void setFovDeg(Integer fovDeg) { this.fovDeg = fovDeg; }
	public Integer getRetentionDays() { return retentionDays; }
	public void setRetentionDays(Integer retentionDays) { this.retentionDays = retentionDays; }
	public Integer getRangeM() { return rangeM; }
	public void setRangeM(Integer rangeM) { this.rangeM = rangeM; }
	public LocalDate getInstallDate() { return installDate; }
	public void setInstallDate(LocalDate installDate) { this.installDate = installDate; }
	public Integer getServiceLifeYears() { return serviceLifeYears; }
	public void setServiceLifeYears(Integer serviceLifeYears) { this.serviceLifeYears = serviceLifeYears; }
	public LocalDate getWarrantyEnd() { return warrantyEnd; }
	public void setWarrantyEnd(LocalDate warrantyEnd) { this.warrantyEnd = warrantyEnd; }
	public LprCapability getLpr() { return lpr; }
	public void setLpr(LprCapability lpr) { this.lpr = lpr; }
	public String getMake() { return make; }
	public void setMake(String make) { this.make = make; }
	public String getModel() { return model; }
	public void setModel(String model) { this.model = model; }
	public CameraStatus getStatus() { return status; }
	public void setStatus(CameraStatus status) { this.status = status; }
	public Long getFundingSourceId() { return fundingSourceId; }
	public void setFundingSourceId(Long fundingSourceId) { this.fundingSourceId = fundingSourceId; }
	public Long getProjectId() { return projectId; }
	public void setProjectId(Long projectId) { this.projectId = projectId; }
	public Long getContractId() { return contractId; }
	public void setContractId(Long contractId) { this.contractId = contractId; }
	public Long getSupplierVendorId() { return supplierVendorId; }
	public void setSupplierVendorId(Long supplierVendorId) { this.supplierVendorId = supplierVendorId; }
	public String getNotes() { return notes; }
	public void setNotes(String notes) { this.notes = notes; }
	public long getVersion() { return version; }
	public void setVersion(long version) { this.version = version; }

	public boolean isConfirmOutsideArea() {
		return confirmOutsideArea;
	}

	public void setConfirmOutsideArea(boolean confirmOutsideArea) {
		this.confirmOutsideArea = confirmOutsideArea;
	}
}
