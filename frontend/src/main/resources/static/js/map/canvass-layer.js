// A canvass on the map: the circle (point) or the route with its corridor, the cameras answered coloured by their
// availability in the window, and the field of view of those facing the point (or the road) highlighted.
// Drawn as SVG in a pane of its own above the shared canvas and below the clusters, so that the shapes can be
// found in the page (and by the browser tests) and the map's own layers keep their clicks.

import { sector } from './draw.js';

export const AVAILABILITY = ['RECORDING', 'PARTLY', 'DOWN', 'UNKNOWN'];

export const AVAILABILITY_COLOURS = {
  RECORDING: '#2e7d32',
  PARTLY: '#ffb300',
  DOWN: '#d32f2f',
  UNKNOWN: '#9e9e9e',
};

const PANE = 'canvassPane';
const HIGHLIGHT = '#1565c0';
const EARTH_CIRCUMFERENCE_M = 40075016.686;

/** Whether a camera of the answer looks at what was asked about: the point, or the road either way. */
export function looksAtIt(camera, kind) {
  if (kind === 'ROUTE') {
    return camera.travel === 'WITH' || camera.travel === 'AGAINST';
  }
  return camera.facing === 'YES' || camera.facing === 'EDGE';
}

/** The camera's field of view as a polygon (heading ± fov/2 out to its range), or null without a heading. */
export function fieldOfView(camera) {
  return sector({
    lat: camera.latitude, lon: camera.longitude, heading: camera.headingDeg, fov: camera.fovDeg, range: camera.rangeM,
  });
}

/** Metres per screen pixel at a latitude and zoom (Web Mercator). */
function metresPerPixel(lat, zoom) {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / 2 ** (zoom + 8);
}

export class CanvassLayer {
  constructor(L, map) {
    this.L = L;
    this.map = map;
    if (!map.getPane(PANE)) {
      map.createPane(PANE).style.zIndex = 450; // above the canvas (400), below the clusters' markers (600)
    }
    this.renderer = L.svg({ pane: PANE, padding: 0.5 });
    this.group = L.featureGroup().addTo(map);
    this.markers = new Map();
    this.area = null;
    this.corridor = null;
    this.onZoom = () => this.fitCorridor();
    map.on('zoomend', this.onZoom);
  }

  clear() {
    this.group.clearLayers();
    this.markers.clear();
    this.area = null;
    this.corridor = null;
  }

  /** Draws a canvass answer; onCamera(camera) is called when a camera's marker is clicked. */
  draw(canvass, onCamera) {
    const { L } = this;
    this.clear();
    const options = { renderer: this.renderer, pane: PANE };
    if (canvass.kind === 'ROUTE') {
      const line = (canvass.route || []).map(([lon, lat]) => [lat, lon]);
      this.corridor = L.polyline(line, {
        ...options, interactive: false, className: 'canvass-corridor', color: HIGHLIGHT, opacity: 0.18,
        lineCap: 'round', lineJoin: 'round',
      });
      this.corridor.halfWidthM = Number(canvass.halfWidthM) || 50;
      this.group.addLayer(this.corridor);
      this.area = L.polyline(line, {
        ...options, interactive: false, className: 'canvass-route', color: HIGHLIGHT, weight: 3, dashArray: '8 6',
      });
      this.group.addLayer(this.area);
      this.fitCorridor();
    } else {
      const centre = [canvass.point.latitude, canvass.point.longitude];
      this.area = L.circle(centre, {
        ...options, radius: Number(canvass.radiusM), interactive: false, className: 'canvass-circle', color: HIGHLIGHT,
        weight: 2, fillColor: HIGHLIGHT, fillOpacity: 0.06,
      });
      this.group.addLayer(this.area);
      this.group.addLayer(L.circleMarker(centre, {
        ...options, radius: 4, interactive: false, className: 'canvass-point', color: '#0d47a1', weight: 2,
        fillColor: '#ffffff', fillOpacity: 1,
      }));
    }
    const cameras = canvass.cameras || [];
    cameras.forEach((camera) => {
      if (!looksAtIt(camera, canvass.kind)) {
        return;
      }
      const points = fieldOfView(camera);
      if (points) {
        this.group.addLayer(L.polygon(points, {
          ...options, interactive: false, className: 'canvass-sector', color: HIGHLIGHT, weight: 1.5, opacity: 0.9,
          fillColor: HIGHLIGHT, fillOpacity: 0.22,
        }));
      }
    });
    cameras.forEach((camera) => {
      const availability = AVAILABILITY.includes(camera.availability) ? camera.availability : 'UNKNOWN';
      const marker = L.circleMarker([camera.latitude, camera.longitude], {
        ...options, radius: 7, className: `canvass-camera availability-${availability}`,
        color: camera.lpr && camera.lpr !== 'NONE' ? '#111111' : '#ffffff', weight: 2,
        fillColor: AVAILABILITY_COLOURS[availability], fillOpacity: 0.95,
      });
      marker.bindTooltip(camera.assetTag, { direction: 'top', offset: [0, -6] });
      marker.on('click', () => onCamera(camera));
      this.markers.set(camera.cameraId, marker);
      this.group.addLayer(marker);
    });
  }

  /** The corridor is a round-capped line as wide as the corridor: a buffer of the route at every zoom. */
  fitCorridor() {
    if (!this.corridor) {
      return;
    }
    const lat = this.corridor.getBounds().getCenter().lat;
    const width = (2 * this.corridor.halfWidthM) / metresPerPixel(lat, this.map.getZoom());
    this.corridor.setStyle({ weight: Math.max(2, width) });
  }

  /** The whole canvass in view. */
  showAll() {
    if (this.area) {
      this.map.fitBounds(this.group.getBounds().pad(0.1), { animate: false });
    }
  }

  markerOf(cameraId) {
    return this.markers.get(cameraId) || null;
  }
}
