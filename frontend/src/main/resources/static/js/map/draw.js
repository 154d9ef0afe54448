// Drawing what /api/map/cameras answers: clusters (count, ring of the state mix), cameras coloured by state
// with LPR rings, and field-of-view sectors. Everything but the clusters goes onto the shared canvas.

import { t, durationSince, formatNumber, english } from './labels.js';
import { clusterSize, mergeOverlapping } from './clusters.js';

/** Map states, worst first. */
export const STATES = ['OUTAGE', 'FAULTY', 'PAST_EOL', 'WORKING', 'PLANNED', 'DECOMMISSIONED'];

export const STATE_COLOURS = {
  OUTAGE: '#d32f2f',
  FAULTY: '#f57c00',
  PAST_EOL: '#8d6e63',
  WORKING: '#2e7d32',
  PLANNED: '#1976d2',
  DECOMMISSIONED: '#9e9e9e',
};

export const LPR_RING = '#111111';
export const REALTIME_RING = '#7b1fa2';

export const FOV_MIN_ZOOM = 17;

function colour(state) {
  return STATE_COLOURS[state] || '#607d8b';
}

function compact(count) {
  if (count >= 10000) {
    return `${Math.round(count / 1000)}k`;
  }
  if (count >= 1000) {
    return `${(count / 1000).toFixed(1)}k`;
  }
  return String(count);
}

/** An SVG ring of the cluster's state mix around its count (its size log-scaled, see clusters.js). */
export function clusterSvg(count, states) {
  const size = clusterSize(count);
  const centre = size / 2;
  const radius = centre - 3.5;
  const circumference = 2 * Math.PI * radius;
  let offset = 0;
  let ring = '';
  STATES.forEach((state) => {
    const n = Number(states[state] || 0);
    if (n > 0 && count > 0) {
      const length = (circumference * n) / count;
      ring += `<circle r="${radius}" cx="${centre}" cy="${centre}" fill="none" stroke="${colour(state)}" `
        + `stroke-width="5" stroke-dasharray="${length.toFixed(2)} ${(circumference - length).toFixed(2)}" `
        + `stroke-dashoffset="${(-offset).toFixed(2)}"/>`;
      offset += length;
    }
  });
  const down = Number(states.OUTAGE || 0) > 0;
  return {
    size,
    html: `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" `
      + `data-count="${count}">`
      + `<circle r="${radius}" cx="${centre}" cy="${centre}" fill="#ffffff" fill-opacity="0.9"/>`
      + `<g transform="rotate(-90 ${centre} ${centre})">${ring}</g>`
      + `<text x="${centre}" y="${centre}" text-anchor="middle" dominant-baseline="central" `
      + `class="cluster-count${down ? ' down' : ''}">${compact(count)}</text></svg>`,
  };
}

/** "label: value" with the colon of the page's language. */
function labelled(label, value) {
  return english ? `${label}: ${value}` : `${label}：${value}`;
}

function clusterTooltip(cluster) {
  const lines = [t('cluster.count', formatNumber(cluster.count))];
  STATES.forEach((state) => {
    const n = Number((cluster.states || {})[state] || 0);
    if (n > 0) {
      lines.push(labelled(t(`state.${state}`), formatNumber(n)));
    }
  });
  if (cluster.lpr) {
    lines.push(labelled(t('lpr.LPR'), formatNumber(cluster.lpr)));
  }
  if (cluster.realtimeLpr) {
    lines.push(labelled(t('lpr.REALTIME_LPR'), formatNumber(cluster.realtimeLpr)));
  }
  lines.push(t('popup.zoomIn'));
  const box = document.createElement('div');
  lines.forEach((line) => {
    const row = document.createElement('div');
    row.textContent = line;
    box.appendChild(row);
  });
  return box;
}

/**
 * Draws the answer's clusters, those whose icons would overlap too much merged (clusters.js); answers the
 * clusters drawn.
 */
export function drawClusters(L, map, group, clusters) {
  const zoom = map.getZoom();
  const drawn = mergeOverlapping(clusters, (lat, lon) => map.project([lat, lon], zoom));
  drawn.forEach((cluster) => {
    const icon = clusterSvg(Number(cluster.count) || 0, cluster.states || {});
    const marker = L.marker([cluster.lat, cluster.lon], {
      icon: L.divIcon({ className: 'map-cluster', html: icon.html, iconSize: [icon.size, icon.size] }),
      keyboard: false,
    });
    marker.bindTooltip(() => clusterTooltip(cluster), { direction: 'top', offset: [0, -icon.size / 2] });
    marker.on('click', () => map.setView([cluster.lat, cluster.lon], Math.min(map.getZoom() + 2, 18)));
    group.addLayer(marker);
  });
  return drawn;
}

function cameraTooltip(camera) {
  const parts = [camera.assetTag || `#${camera.id}`, t(`state.${camera.state}`)];
  if (camera.lpr && camera.lpr !== 'NONE') {
    parts.push(t(`lpr.${camera.lpr}`));
  }
  if (camera.state === 'OUTAGE' && camera.outageSince) {
    parts.push(t('popup.down', durationSince(camera.outageSince)));
  }
  return parts.join(' · ');
}

/** The marker style of a camera: fill by state; LPR a dark ring, real-time LPR also an outer purple ring. */
export function cameraStyle(state, lpr, zoom) {
  const radius = zoom >= FOV_MIN_ZOOM ? 7 : 5;
  const isLpr = lpr === 'LPR' || lpr === 'REALTIME_LPR';
  return {
    radius,
    fillColor: colour(state),
    fillOpacity: 0.95,
    color: isLpr ? LPR_RING : '#ffffff',
    weight: isLpr ? 2.5 : 1.2,
  };
}

export function drawCameras(L, group, cameras, zoom, renderer, onClick) {
  cameras.forEach((camera) => {
    const latLng = [camera.lat, camera.lon];
    if (camera.lpr === 'REALTIME_LPR') {
      const outer = cameraStyle(camera.state, camera.lpr, zoom).radius + 4;
      group.addLayer(L.circleMarker(latLng, {
        renderer, radius: outer, fill: false, color: REALTIME_RING, weight: 2, interactive: false,
      }));
    }
    const marker = L.circleMarker(latLng, { renderer, ...cameraStyle(camera.state, camera.lpr, zoom) });
    marker.cameraId = camera.id;
    marker.bindTooltip(() => cameraTooltip(camera), { direction: 'top', offset: [0, -6] });
    marker.on('click', () => onClick(camera, marker));
    group.addLayer(marker);
  });
}

const METRES_PER_DEGREE = 111320;

/** The field of view as a polygon: apex at the camera, arc at the range (metres), heading clockwise from north. */
export function sector(camera) {
  const heading = Number(camera.heading);
  const fov = Number(camera.fov);
  if (camera.heading == null || camera.fov == null || !Number.isFinite(heading) || !Number.isFinite(fov) || fov <= 0) {
    return null;
  }
  const range = Number(camera.range) > 0 ? Number(camera.range) : 30;
  const angle = Math.min(fov, 360);
  const steps = Math.max(4, Math.ceil(angle / 10));
  const cosLat = Math.cos((camera.lat * Math.PI) / 180);
  const points = angle < 360 ? [[camera.lat, camera.lon]] : [];
  for (let i = 0; i <= steps; i += 1) {
    const a = ((heading - angle / 2 + (i * angle) / steps) * Math.PI) / 180;
    points.push([camera.lat + (range * Math.cos(a)) / METRES_PER_DEGREE,
      camera.lon + (range * Math.sin(a)) / (METRES_PER_DEGREE * cosLat)]);
  }
  return points;
}

// Cameras that look at nothing (not installed yet, or taken down) get no field of view.
const NOT_LOOKING = new Set(['PLANNED', 'DECOMMISSIONED']);

/** The states of cameras that record now: past end of life still records, only its replacement is due. */
export const RECORDING = new Set(['WORKING', 'PAST_EOL']);

export const COVERAGE_COLOUR = '#43a047';

/** Draws the fields of view and, of recording cameras, the coverage; answers the ids of the cameras covering. */
export function drawSectors(L, fovGroup, coverageGroup, cameras, renderer) {
  const covering = [];
  cameras.forEach((camera) => {
    const points = NOT_LOOKING.has(camera.state) ? null : sector(camera);
    if (!points) {
      return;
    }
    fovGroup.addLayer(L.polygon(points, {
      renderer, interactive: false, color: colour(camera.state), weight: 1, opacity: 0.8,
      fillColor: colour(camera.state), fillOpacity: 0.12,
    }));
    if (RECORDING.has(camera.state)) {
      coverageGroup.addLayer(L.polygon(points, {
        renderer, interactive: false, stroke: false, fillColor: COVERAGE_COLOUR, fillOpacity: 0.3,
      }));
      covering.push(camera.id);
    }
  });
  return covering;
}
