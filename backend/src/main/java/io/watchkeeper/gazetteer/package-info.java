/**
 * Door-plate gazetteer and address matching (issue 13): door-plate coordinate lists (門牌坐標資料, TWD97 or WGS84)
 * imported as datasets, addresses normalised on both sides, and the cameras of a list without coordinates matched
 * to door plates, road sections and intersections, each match with its quality, reviewable and rejectable. Matches
 * place cameras through the camera module's {@code CameraPlacement}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Gazetteer")
package io.watchkeeper.gazetteer;
