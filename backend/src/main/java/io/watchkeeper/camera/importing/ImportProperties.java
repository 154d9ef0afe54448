package io.watchkeeper.camera.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code watchkeeper.import.*}: limits of one camera import.
 *
 * @param maxFileSize the largest file one import takes (the servlet's upload limit is higher, so that a
 *        larger file gets this clear answer instead of a generic one); 30 MB is about 150,000 rows
 * @param maxRows the most data rows one import takes
 * @param maxListedIssues how many errors (and, separately, warnings) a report lists; all are counted
 * @param siteSpreadMetres cameras of one site further apart than this get a warning
 * @param runners imports that run at the same time on one node; more wait in a queue
 */
@ConfigurationProperties("watchkeeper.import")
record ImportProperties(@DefaultValue("30MB") DataSize maxFileSize, @DefaultValue("200000") int maxRows,
		@DefaultValue("20000") int maxListedIssues, @DefaultValue("200") int siteSpreadMetres,
		@DefaultValue("2") int runners) {
}
