package io.watchkeeper.gazetteer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code watchkeeper.gazetteer.*}: the most lines one door-plate file may have, and the most bytes a compressed one
 * may unpack to (a city's list is about a million lines, some 100 MB; uploads above the servlet limit must be
 * compressed).
 */
@ConfigurationProperties("watchkeeper.gazetteer")
record GazetteerProperties(@DefaultValue("2000000") long maxRows, @DefaultValue("400000000") long maxUncompressedBytes) {
}
