// Precinct and district names where they help. Leaflet draws a permanent label at each area's centre whatever
// the zoom, so at city scale the seventeen precinct names pile up in the dense south-west, hide each other and
// hide the cluster circles. After every redraw each name is placed where it covers the fewest clusters and
// cameras: at the area's centre or nudged a little (still inside the area), never on another name, and only in
// an area wide and tall enough on screen to hold it; a name with no such place is not shown. Precincts come
// before districts, larger areas first. The choropleth names its areas too when no boundary layer of the same
// kind is shown (otherwise the boundary layer's names are used and the choropleth's are hidden). The names live in their own pane under the cluster markers and never
// take a click (map.css), so whatever a name still covers stays clickable.

export const LABEL_PANE = 'areaLabels';

/** The pane for area names: above the canvas (boundaries, cameras), below cluster markers and popups. */
export function createLabelPane(map) {
  const pane = map.createPane(LABEL_PANE);
  pane.style.zIndex = '450';
  pane.style.pointerEvents = 'none';
  return pane;
}

const GAP = 3;
/** A name may cover at most this share of its own box with clusters or cameras. */
const MAX_COVERED = 0.15;

function overlap(a, b) {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}

function padded(box, by) {
  return { left: box.left - by, top: box.top - by, right: box.right + by, bottom: box.bottom + by };
}

function shifted(box, dx, dy) {
  return { left: box.left + dx, top: box.top + dy, right: box.right + dx, bottom: box.bottom + dy };
}

/** The outer rings of a polygon or multipolygon as arrays of LatLngs. */
function rings(latLngs) {
  if (!Array.isArray(latLngs) || latLngs.length === 0) {
    return [];
  }
  if (!Array.isArray(latLngs[0])) {
    return [latLngs];
  }
  if (!Array.isArray(latLngs[0][0])) {
    return [latLngs[0]]; // a polygon: its outer ring (holes do not matter for a label)
  }
  return latLngs.map((polygon) => polygon[0]); // a multipolygon: each part's outer ring
}

function inside(point, polygons) {
  return polygons.some((ring) => {
    let within = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const a = ring[i];
      const b = ring[j];
      if ((a.y > point.y) !== (b.y > point.y)
          && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) {
        within = !within;
      }
    }
    return within;
  });
}

/** Where to try a name, nearest the centre first (pixels). */
function nudges(width, height) {
  const options = [];
  [0, 1, -1, 2, -2, 3, -3].forEach((row) => {
    [0, -0.5, 0.5, -1, 1].forEach((column) => {
      options.push([column * width, row * (height + 8)]);
    });
  });
  return options.sort((a, b) => Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]));
}

function areaLabels(map, groups) {
  const found = [];
  groups.forEach(({ group, rank }) => {
    if (!map.hasLayer(group)) {
      return;
    }
    group.eachLayer((collection) => {
      const paths = collection.eachLayer ? collection : { eachLayer: (visit) => visit(collection) };
      paths.eachLayer((path) => {
        const tooltip = path.getTooltip && path.getTooltip();
        const element = tooltip && tooltip.getElement();
        if (element && element.isConnected && map.hasLayer(path)) {
          found.push({ path, tooltip, element, rank });
        }
      });
    });
  });
  return found;
}

/**
 * Shows the names that find a place, hides the rest; answers how many are shown.
 * groups: [{ group, rank, hide }], layer groups holding L.geoJSON layers whose paths carry permanent tooltips
 * (hide: show none of this group's names);
 * obstacles: boxes in page (client) pixels that a name should not cover (cluster icons, camera dots).
 */
export function placeLabels(map, groups, obstacles) {
  const origin = map.getContainer().getBoundingClientRect();
  const toClient = (latLng) => {
    const point = map.latLngToContainerPoint(latLng);
    return { x: point.x + origin.left, y: point.y + origin.top };
  };
  areaLabels(map, groups.filter((g) => g.hide)).forEach(({ element }) => element.classList.add('area-label-hidden'));
  const candidates = areaLabels(map, groups.filter((g) => !g.hide));
  candidates.forEach((candidate) => {
    const { element, path, tooltip } = candidate;
    // which area and where its name is anchored, for a look in the developer tools (and the browser tests)
    const anchor = tooltip.getLatLng();
    element.dataset.code = ((path.feature || {}).properties || {}).code || '';
    if (anchor) {
      element.dataset.lat = anchor.lat.toFixed(7);
      element.dataset.lon = anchor.lng.toFixed(7);
    }
    element.classList.remove('area-label-hidden');
    element.style.marginLeft = '';
    element.style.marginTop = '';
    const bounds = path.getBounds();
    const sw = toClient(bounds.getSouthWest());
    const ne = toClient(bounds.getNorthEast());
    candidate.width = Math.abs(ne.x - sw.x);
    candidate.height = Math.abs(sw.y - ne.y);
  });
  // measure every name before moving or hiding any (one layout pass)
  candidates.forEach((candidate) => {
    candidate.box = candidate.element.getBoundingClientRect();
  });
  candidates.sort((a, b) => a.rank - b.rank || b.width * b.height - a.width * a.height);
  const kept = [];
  const blocks = obstacles || [];
  candidates.forEach((candidate) => {
    const { box, element } = candidate;
    const width = box.right - box.left;
    const height = box.bottom - box.top;
    let best = null;
    if (width > 0 && width <= candidate.width && height <= candidate.height) {
      const polygons = rings(candidate.path.getLatLngs()).map((ring) => ring.map(toClient));
      const area = width * height;
      nudges(width, height).some(([dx, dy]) => {
        const place = shifted(box, dx, dy);
        const centre = { x: (place.left + place.right) / 2, y: (place.top + place.bottom) / 2 };
        if (kept.some((other) => overlap(padded(place, GAP), other) > 0) || !inside(centre, polygons)) {
          return false;
        }
        const covered = blocks.reduce((sum, block) => sum + overlap(place, block), 0) / area;
        if (!best || covered < best.covered) {
          best = { place, dx, dy, covered };
        }
        return covered === 0; // nothing covered: the nearest such place will do
      });
    }
    if (best && best.covered <= MAX_COVERED) {
      kept.push(best.place);
      element.style.marginLeft = best.dx ? `${best.dx}px` : '';
      element.style.marginTop = best.dy ? `${best.dy}px` : '';
    } else {
      element.classList.add('area-label-hidden');
    }
  });
  return kept.length;
}
