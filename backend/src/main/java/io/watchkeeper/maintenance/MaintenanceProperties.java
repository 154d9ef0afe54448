package io.watchkeeper.maintenance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the maintenance module ({@code watchkeeper.maintenance.*}).
 *
 * @param defaultResponseHours response target when no contract covers a camera
 * @param defaultRestoreHours restore target when no contract covers a camera
 * @param photoMaxSize largest photo a technician may attach
 * @param lifecycleHorizon how far ahead the lifecycle job lists cameras reaching end of life as upcoming
 * @param photoMaxPixels most pixels (width × height, read from the header before decoding) a photo may have
 */
@ConfigurationProperties("watchkeeper.maintenance")
public record MaintenanceProperties(int defaultResponseHours, int defaultRestoreHours, DataSize photoMaxSize,
		Duration lifecycleHorizon, long photoMaxPixels) {

	@ConstructorBinding
	public MaintenanceProperties {
		defaultResponseHours = defaultResponseHours > 0 ? defaultResponseHours : 24;
		defaultRestoreHours = defaultRestoreHours > 0 ? defaultRestoreHours : 72;
		photoMaxSize = photoMaxSize != null ? photoMaxSize : DataSize.ofMegabytes(8);
		lifecycleHorizon = lifecycleHorizon != null ? lifecycleHorizon : Duration.ofDays(365);
		photoMaxPixels = photoMaxPixels > 0 ? photoMaxPixels : 40_000_000;
	}

	public MaintenanceProperties(int defaultResponseHours, int defaultRestoreHours, DataSize photoMaxSize,
			Duration lifecycleHorizon) {
		this(defaultResponseHours, defaultRestoreHours, photoMaxSize, lifecycleHorizon, 0);
	}
}
