package io.watchkeeper.camera;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Why and when a camera was taken out of service. */
public record DecommissionRequest(
		@Schema(example = "逾使用年限，鏡頭老化無法修復") @NotBlank @Size(max = 500) String reason,
		@Schema(example = "2024-01-15", description = "The day it was taken out of service; not in the future") @NotNull LocalDate on,
		@Schema(description = "The version you loaded (optional; stale versions are refused)") Long version) {
}
