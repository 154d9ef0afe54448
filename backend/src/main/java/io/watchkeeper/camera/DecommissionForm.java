package io.watchkeeper.camera;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The decommission form: why, when, and the version the person saw. */
public class DecommissionForm {

	@NotBlank
	@Size(max = 500)
	private String reason;
	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate on;
	private long version;

	public String getReason() { return reason; }
	public void setReason(String reason) { this.reason = reason; }
	public LocalDate getOn() { return on; }
	public void setOn(LocalDate on) { this.on = on; }
	public long getVersion() { return version; }
	public void setVersion(long version) { this.version = version; }
}
