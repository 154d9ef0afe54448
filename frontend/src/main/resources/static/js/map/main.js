// The map page: Leaflet (window.L, from the webjar's classic script) on one canvas renderer; cameras per
// viewport from /api/map/cameras, boundaries and the downtime choropleth, filters kept in the address bar,
// outages polled every 15 s. Every API failure becomes a quiet notice in the page's language; the map keeps
// working, and an ended session stops the polling and says how to log in again.

import { getJson, aborted, whenSessionEnds } from './api.js';
import { t, nameOf, formatNumber, locale, serverNow } from './labels.js';
import { readState, writeState, FILTERS } from './url-state.js';
import {
  STATES, STATE_COLOURS, LPR_RING, REALTIME_RING, FOV_MIN_ZOOM, COVERAGE_COLOUR, clusterSvg, drawClusters, drawCameras,
  drawSectors,
} from './draw.js';
import {
  boundaries, figures, metricValue, scale, areaPopup, RAMP, periodDays, periodProblem,
} from './areas.js';
import { cameraPopup, loadingPopup, errorPopup } from './popup.js';
import { createLabelPane, LABEL_PANE, placeLabels } from './area-labels.js';
import { startCanvassTool } from './canvass.js';

const L = window.L;
const page = document.getElementById('map-page');
const api = page.dataset.api;
const urls = { camera: page.dataset.cameraUrl, workOrder: page.dataset.workOrderUrl };
const POLL_MS = 15000;
const API_MAX_ZOOM = 18;
const METRICS = ['down', 'downtimeHours', 'availability'];
const DEFAULT_LAYERS = ['cameras', 'fov', 'precincts'];
/** A phone or a narrow window: the map's own controls start folded so the map stays visible. */
const narrow = window.matchMedia('(max-width: 800px)').matches;

const state = readState();
state.metric = METRICS.includes(state.metric) ? state.metric : null;
/** The popup open now (a camera's or an area's), if any. */
let shownPopup = null;
/** Set once an answer said the session has ended: nothing more is asked for. */
let sessionOver = false;

/** Notices after which an open popup moves clear of them (the changes notice fades by itself). */
const LASTING_NOTICES = new Set(['tile-notice', 'api-notice', 'truncated-notice', 'session-notice']);

function notice(id, text) {
  const element = document.getElementById(id);
  if (!element) {
    return;
  }
  if (text == null) {
    element.hidden = true;
  } else {
    const appears = element.hidden;
    if (text !== true) {
      element.textContent = text;
    }
    element.hidden = false;
    if (appears && LASTING_NOTICES.has(id)) {
      clearNoticesOfPopup();
    }
  }
}

function setStatus(text) {
  document.getElementById('map-status').textContent = text;
}

// ---- the map and its layers -------------------------------------------------------------------------------

const renderer = L.canvas({ padding: 0.3 });
const maxZoom = Number(page.dataset.tileMaxZoom) || 19;
const map = L.map('map', {
  preferCanvas: true,
  renderer,
  minZoom: 8,
  maxZoom,
  zoomControl: true,
}).setView([state.lat, state.lon], Math.min(Math.max(state.zoom, 8), maxZoom));
createLabelPane(map);

function escapeHtml(text) {
  const span = document.createElement('span');
  span.textContent = text || '';
  return span.innerHTML;
}

const tiles = L.tileLayer(page.dataset.tileUrl, {
  maxZoom,
  attribution: escapeHtml(page.dataset.tileAttribution),
  referrerPolicy: 'strict-origin-when-cross-origin',
});
let tileErrors = 0;
tiles.on('tileerror', () => {
  tileErrors += 1;
  notice('tile-notice', true);
});
tiles.on('tileload', () => {
  if (tileErrors === 0) {
    notice('tile-notice', null);
  }
});
// The base maps: the configured tile server, or none (boundaries and cameras on a plain background), for when
// the tiles cannot be reached or only get in the way. Kept in the address as base=none.
const noBaseMap = L.layerGroup();
(state.base === 'none' ? noBaseMap : tiles).addTo(map);

const overlays = {
  choropleth: L.featureGroup(),
  districts: L.featureGroup(),
  precincts: L.featureGroup(),
  coverage: L.featureGroup(),
  fov: L.featureGroup(),
  cameras: L.featureGroup(),
};
const overlayLabels = {
  cameras: t('layer.cameras'),
  fov: t('layer.fov'),
  coverage: t('layer.coverage'),
  precincts: t('layer.precincts'),
  districts: t('layer.districts'),
  choropleth: t('layer.choropleth'),
};
const active = new Set(state.layers ? state.layers.filter((name) => overlays[name]) : DEFAULT_LAYERS);
if (state.metric) {
  active.add('choropleth');
}
Object.keys(overlays).forEach((name) => {
  if (active.has(name)) {
    overlays[name].addTo(map);
  }
});
const controlOverlays = {};
['cameras', 'fov', 'coverage', 'precincts', 'districts', 'choropleth'].forEach((name) => {
  controlOverlays[overlayLabels[name]] = overlays[name];
});
L.control.layers({
  [t('layer.base', page.dataset.tileName || '')]: tiles,
  [t('layer.none')]: noBaseMap,
}, controlOverlays, { collapsed: narrow, position: 'topright' }).addTo(map);
map.on('baselayerchange', (event) => {
  if (event.layer === noBaseMap) {
    notice('tile-notice', null); // no tiles asked for: nothing failed
  } else {
    tileErrors = 0; // a fresh try; the notice returns with the next failed tile
  }
  saveState();
});
L.control.scale({ imperial: false }).addTo(map);

function layerName(layer) {
  return Object.keys(overlays).find((name) => overlays[name] === layer);
}

/** Canvas hit testing takes the topmost path: keep areas below cameras, the choropleth lowest. */
function restack() {
  overlays.districts.bringToBack();
  overlays.precincts.bringToBack();
  overlays.choropleth.bringToBack();
}

// ---- popups clear of the notices ----------------------------------------------------------------------------

/** How far down the map the shown notices reach (px from the map's top edge). */
function noticesBottom() {
  const top = map.getContainer().getBoundingClientRect().top;
  let bottom = 0;
  document.querySelectorAll('#map-notices .map-notice:not([hidden])').forEach((element) => {
    const box = element.getBoundingClientRect();
    if (box.height > 0) {
      bottom = Math.max(bottom, box.bottom - top);
    }
  });
  return bottom;
}

/** A popup pans the map so that it opens below the notices, not under them (on a phone they span the map). */
function padBelowNotices(popup) {
  popup.options.autoPanPaddingTopLeft = L.point(20, Math.max(20, Math.ceil(noticesBottom()) + 8));
  return popup;
}

map.on('popupopen', (event) => {
  shownPopup = event.popup;
});
map.on('popupclose', (event) => {
  if (shownPopup === event.popup) {
    shownPopup = null;
  }
});

/** Whether the top of an open popup lies under a shown notice. */
function popupUnderNotices(shown) {
  const element = shown.getElement();
  if (!element) {
    return false;
  }
  const top = element.getBoundingClientRect().top - map.getContainer().getBoundingClientRect().top;
  return top < noticesBottom();
}

/** A notice that appears over an open popup moves the map so that the popup shows whole again. */
function clearNoticesOfPopup() {
  if (shownPopup && shownPopup.isOpen()) {
    padBelowNotices(shownPopup).update();
  }
}

// ---- the address bar --------------------------------------------------------------------------------------

const form = document.getElementById('map-filters');
const today = page.dataset.today || new Date().toISOString().slice(0, 10);

/** The choropleth's period as chosen in the form: its preset and days. */
function currentPeriod() {
  const period = form.elements.period.value;
  const days = periodDays(period, today, { from: form.elements.from.value, to: form.elements.to.value });
  return { period, ...days };
}

/** Shows the custom dates for a custom period and says what is wrong with them; true when they can be asked for. */
function checkPeriod() {
  const chosen = currentPeriod();
  document.getElementById('c-custom-period').hidden = chosen.period !== 'custom';
  const problem = chosen.period === 'custom' ? periodProblem(chosen) : null;
  const message = document.getElementById('c-period-error');
  message.textContent = problem ? t(problem) : '';
  message.hidden = !problem;
  form.elements.from.setAttribute('aria-invalid', problem ? 'true' : 'false');
  form.elements.to.setAttribute('aria-invalid', problem ? 'true' : 'false');
  return !problem;
}

/** The year ranges of the filters and where their message goes. */
const YEAR_RANGES = [['installFrom', 'installTo', 'f-install-error'], ['eolFrom', 'eolTo', 'f-eol-error']];
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

function yearProblem(field) {
  if (field.validity && field.validity.badInput) {
    return 'years.invalid';
  }
  const text = field.value.trim();
  if (!text) {
    return null;
  }
  const year = Number(text);
  return /^\d{4}$/.test(text) && year >= FIRST_YEAR && year <= LAST_YEAR ? null : 'years.invalid';
}

/**
 * Says next to the year filters what is wrong with them (a year outside 1990..2100, from after to), as the
 * server would refuse them; true when they can be asked for.
 */
function checkYears() {
  let fine = true;
  YEAR_RANGES.forEach(([fromName, toName, messageId]) => {
    const from = form.elements[fromName];
    const to = form.elements[toName];
    const fromProblem = yearProblem(from);
    const toProblem = yearProblem(to);
    const reversed = !fromProblem && !toProblem && from.value.trim() && to.value.trim()
      && Number(from.value) > Number(to.value);
    const problem = fromProblem || toProblem || (reversed ? 'years.order' : null);
    from.setAttribute('aria-invalid', fromProblem || reversed ? 'true' : 'false');
    to.setAttribute('aria-invalid', toProblem || reversed ? 'true' : 'false');
    const message = document.getElementById(messageId);
    message.textContent = problem ? t(problem, FIRST_YEAR, LAST_YEAR) : '';
    message.hidden = !problem;
    fine = fine && !problem;
  });
  return fine;
}

/** A field's label as the page shows it (for a refusal naming the field), e.g. "Installed (years) from". */
function fieldLabel(name) {
  const field = form.elements[name];
  if (field instanceof HTMLElement) {
    const range = field.closest('fieldset.map-range');
    if (range) {
      const part = field.closest('label');
      return `${range.querySelector('legend').textContent} ${part ? part.querySelector('span').textContent : ''}`.trim();
    }
    const label = form.querySelector(`label[for="${field.id}"]`);
    if (label) {
      return label.textContent;
    }
  }
  if (name === 'state') {
    return document.querySelector('#f-state legend').textContent;
  }
  return t('field.view');
}

/** What went wrong with a request, in the page's language (the server's English detail stays out of it). */
function problemText(error) {
  switch (error && error.status) {
    case 400: {
      const fields = [...new Set((error.fields || []).map(fieldLabel))];
      return t('notice.invalid', fields.length ? fields.join(t('list.separator')) : t('field.view'));
    }
    case 401:
      return t('notice.session');
    case 403:
      return t('notice.forbidden');
    case 404:
      return t('notice.notFound');
    default:
      return t('notice.api', error && error.status ? `HTTP ${error.status}` : t('notice.offline'));
  }
}

function currentFilters() {
  const filters = {};
  FILTERS.forEach((name) => {
    if (name === 'state') {
      const states = [...form.querySelectorAll('input[name="state"]:checked')].map((box) => box.value);
      if (states.length) {
        filters.state = states.join(',');
      }
    } else {
      const field = form.elements[name];
      if (field && field.value.trim()) {
        filters[name] = field.value.trim();
      }
    }
  });
  return filters;
}

function saveState() {
  const centre = map.getCenter();
  state.lat = centre.lat;
  state.lon = centre.lng;
  state.zoom = map.getZoom();
  state.filters = currentFilters();
  state.areas = form.elements.areas.value;
  state.metric = overlays.choropleth && map.hasLayer(overlays.choropleth) ? form.elements.metric.value : null;
  state.period = form.elements.period.value;
  state.from = form.elements.from.value;
  state.to = form.elements.to.value;
  const shown = Object.keys(overlays).filter((name) => map.hasLayer(overlays[name]));
  const same = shown.length === DEFAULT_LAYERS.length && DEFAULT_LAYERS.every((name) => shown.includes(name));
  state.layers = same ? null : shown;
  state.base = map.hasLayer(noBaseMap) ? 'none' : null;
  writeState(state);
}

function fillForm() {
  FILTERS.forEach((name) => {
    const value = state.filters[name];
    if (name === 'state') {
      const wanted = (value || '').split(',');
      form.querySelectorAll('input[name="state"]').forEach((box) => {
        box.checked = wanted.includes(box.value);
      });
    } else if (form.elements[name]) {
      form.elements[name].value = value || '';
    }
  });
  form.elements.areas.value = state.areas;
  if (state.metric) {
    form.elements.metric.value = state.metric;
  }
  form.elements.period.value = state.period;
  form.elements.from.value = state.from || '';
  form.elements.to.value = state.to || '';
  if (state.period === 'custom' && !state.from && !state.to) {
    // a custom period starts from the default one
    const days = periodDays('30d', today);
    form.elements.from.value = days.from;
    form.elements.to.value = days.to;
  }
  checkPeriod();
  checkYears();
}

// ---- cameras in view --------------------------------------------------------------------------------------

let viewRequest = null;
let refreshTimer = null;
let lastView = null;

function viewQuery() {
  const bounds = map.getBounds();
  const clamp = (value, min, max) => Math.min(max, Math.max(min, value));
  const bbox = [
    clamp(bounds.getWest(), -180, 180), clamp(bounds.getSouth(), -90, 90),
    clamp(bounds.getEast(), -180, 180), clamp(bounds.getNorth(), -90, 90),
  ].map((v) => v.toFixed(6)).join(',');
  const query = new URLSearchParams({ bbox, zoom: String(Math.min(API_MAX_ZOOM, Math.round(map.getZoom()))) });
  Object.entries(currentFilters()).forEach(([name, value]) => query.set(name, value));
  return query;
}

function drawView(view) {
  lastView = view;
  overlays.cameras.clearLayers();
  overlays.fov.clearLayers();
  overlays.coverage.clearLayers();
  const zoom = map.getZoom();
  ['clustersAnswered', 'clustersDrawn', 'clusteredCameras'].forEach((key) => delete page.dataset[key]);
  delete page.dataset.stale;
  delete page.dataset.covering;
  if (view.mode === 'cameras' || (!view.clusters && view.cameras)) {
    drawCameras(L, overlays.cameras, view.cameras || [], zoom, renderer, (camera) => {
      if (!page.dataset.tool) {
        openCamera(camera);
      }
    });
    if (zoom >= FOV_MIN_ZOOM) {
      // the ids of the cameras drawn in the coverage layer, for the developer tools (and the browser tests)
      page.dataset.covering = drawSectors(L, overlays.fov, overlays.coverage, view.cameras || [], renderer).join(' ');
    }
  } else {
    const clusters = view.clusters || [];
    const drawn = drawClusters(L, map, overlays.cameras, clusters);
    // answered and drawn, for the developer tools (and the browser tests): merging never changes the sum
    page.dataset.clustersAnswered = String(clusters.length);
    page.dataset.clustersDrawn = String(drawn.length);
    page.dataset.clusteredCameras = String(drawn.reduce((sum, cluster) => sum + cluster.count, 0));
  }
  restack();
  scheduleLabels();
  page.dataset.mode = view.mode || '';
  // what is drawn, for a quick look in the developer tools (and the browser tests): id:state of each camera
  const drawn = view.mode === 'cameras' ? (view.cameras || []) : [];
  page.dataset.drawnCameras = drawn.length <= 500 ? drawn.map((c) => `${c.id}:${c.state}`).join(' ') : '';
  page.dataset.total = String(view.total ?? '');
  // exact only for every camera of the view one by one; clusters count whole grid cells at the view's edges, and
  // a sample's total is estimated
  const exact = view.mode === 'cameras' && !view.truncated;
  setStatus(t(exact ? 'status.total' : 'status.about', formatNumber(view.total)));
  page.dataset.exact = String(exact);
  notice('truncated-notice', view.truncated ? true : null);
}

/** What is drawn no longer answers the filters or the view: dimmed, and the status line says why. */
function markStale(text) {
  setStatus(text);
  page.dataset.stale = 'true';
  [overlays.cameras, overlays.fov, overlays.coverage].forEach((group) => group.eachLayer((layer) => {
    if (layer.setStyle) {
      layer.setStyle({ opacity: 0.3, fillOpacity: 0.12 });
    } else if (layer.setOpacity) {
      layer.setOpacity(0.35);
    }
  }));
}

async function refreshView() {
  if (viewRequest) {
    viewRequest.abort();
    viewRequest = null;
  }
  if (sessionOver) {
    return;
  }
  if (!checkYears()) {
    // nothing asked for with years the server would refuse: the message is next to the field
    markStale(t('status.invalidFilters'));
    page.dataset.loaded = 'invalid';
    return;
  }
  const request = new AbortController();
  viewRequest = request;
  setStatus(t('status.loading'));
  try {
    const view = await getJson(`${api}/cameras?${viewQuery()}`, request.signal);
    if (viewRequest === request) {
      notice('api-notice', null);
      drawView(view);
      page.dataset.loaded = 'true';
    }
  } catch (error) {
    if (!aborted(error) && viewRequest === request) {
      viewRequest = null;
      if (!error.sessionEnded) {
        notice('api-notice', problemText(error));
        markStale(t('status.failed'));
      }
      page.dataset.loaded = 'failed';
    }
  }
}

function scheduleRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshView, 200);
}

// ---- a camera's popup -------------------------------------------------------------------------------------

const popup = L.popup({ maxWidth: 320, autoPanPadding: [20, 20] });

function placePopup(latLng) {
  page.dataset.popupAt = `${latLng.lat.toFixed(6)},${latLng.lng.toFixed(6)}`;
}

/**
 * Opens a camera's popup: at the camera clicked at once (its facts follow), or for a camera named in the link
 * (no position yet) once its facts give the camera's place. The view of the link is kept when the camera is in
 * it; otherwise the map pans to the camera (same zoom).
 */
async function openCamera(camera) {
  state.camera = camera.id;
  const known = camera.lat != null && camera.lon != null;
  if (known) {
    padBelowNotices(popup).setLatLng([camera.lat, camera.lon]).setContent(loadingPopup()).openOn(map);
    placePopup(popup.getLatLng());
  }
  saveState();
  try {
    const facts = await getJson(`${api}/cameras/${encodeURIComponent(camera.id)}`);
    if (state.camera !== camera.id) {
      return;
    }
    const content = cameraPopup({ ...facts, id: facts.id ?? camera.id }, urls);
    if (known) {
      popup.setContent(content);
      return;
    }
    if (facts.lat == null || facts.lon == null) {
      notice('api-notice', t('notice.noPosition', facts.assetTag || `#${camera.id}`));
      state.camera = null;
      saveState();
      return;
    }
    const at = L.latLng(facts.lat, facts.lon);
    if (!map.getBounds().contains(at)) {
      map.panTo(at, { animate: false });
    }
    padBelowNotices(popup).setLatLng(at).setContent(content).openOn(map);
    placePopup(at);
  } catch (error) {
    if (state.camera !== camera.id) {
      return;
    }
    if (known && popup.isOpen()) {
      popup.setContent(errorPopup(problemText(error)));
    } else {
      if (!error.sessionEnded) {
        notice('api-notice', problemText(error));
      }
      state.camera = null;
      saveState();
    }
  }
}

let popupRefreshes = 0;

/** The open camera popup with fresh facts, in place: no loading step, no move of the map. */
async function refreshCameraPopup() {
  const id = state.camera;
  if (!id || !popup.isOpen()) {
    return;
  }
  try {
    const facts = await getJson(`${api}/cameras/${encodeURIComponent(id)}`);
    if (state.camera !== id || !popup.isOpen()) {
      return;
    }
    const autoPan = popup.options.autoPan;
    popup.options.autoPan = false;
    popup.setContent(cameraPopup({ ...facts, id: facts.id ?? id }, urls));
    popup.options.autoPan = autoPan;
    // a popup grown by the new facts (or one a notice appeared over) must not stay under the notices (phones)
    if (popupUnderNotices(popup)) {
      clearNoticesOfPopup();
    }
    popupRefreshes += 1;
    page.dataset.popupRefreshes = String(popupRefreshes);
  } catch (error) {
    // the popup keeps what it showed; the next change tries again
  }
}

map.on('popupclose', (event) => {
  if (event.popup === popup && state.camera) {
    state.camera = null;
    saveState();
  }
});

// ---- boundaries, names and the choropleth -----------------------------------------------------------------

function areaClick(kind, feature, latLng) {
  if (page.dataset.tool) {
    return; // a click that places a canvass point or a route point is not a question about the area
  }
  const name = nameOf(feature.properties || {});
  const box = padBelowNotices(L.popup({ maxWidth: 280 })).setLatLng(latLng).setContent(areaPopup(name, null))
    .openOn(map);
  box.getElement().dataset.areaKind = kind;
  const chosen = currentPeriod();
  if (periodProblem(chosen)) {
    return;
  }
  figures(api, kind, chosen)
    .then((rows) => box.setContent(areaPopup(name, rows[(feature.properties || {}).code])))
    .catch((error) => box.setContent(errorPopup(problemText(error))));
}

/**
 * With the choropleth shown, a click on an area opens the choropleth's kind of area (a district's figures
 * under a district choropleth even where precinct lines are drawn on top): the boundary lines then take no
 * clicks. The canvas renderer reads `interactive` at each click, so switching it is enough.
 */
function routeAreaClicks() {
  const choropleth = map.hasLayer(overlays.choropleth) && overlays.choropleth.getLayers().length > 0;
  [overlays.precincts, overlays.districts].forEach((group) => group.eachLayer((layer) => {
    (layer.eachLayer ? layer.getLayers() : [layer]).forEach((path) => {
      path.options.interactive = !choropleth;
    });
  }));
  page.dataset.areaClicks = choropleth ? choroplethKind || '' : 'boundaries';
}

let labelFrame = 0;
/** The kind of area the choropleth drawn now shows (null before it is drawn). */
let choroplethKind = null;

/** What area names should not cover or hide under: the map's controls and notices, the cluster circles and
 * camera dots drawn now (page pixels). */
function labelObstacles() {
  const boxes = [];
  document.querySelectorAll('#map .leaflet-control, #map-notices .map-notice:not([hidden])').forEach((box) => {
    boxes.push(box.getBoundingClientRect());
  });
  if (!map.hasLayer(overlays.cameras)) {
    return boxes;
  }
  map.getPane('markerPane').querySelectorAll('.map-cluster').forEach((icon) => {
    boxes.push(icon.getBoundingClientRect());
  });
  if (lastView && lastView.mode === 'cameras') {
    const origin = map.getContainer().getBoundingClientRect();
    const size = map.getSize();
    (lastView.cameras || []).forEach((camera) => {
      const point = map.latLngToContainerPoint([camera.lat, camera.lon]);
      if (point.x >= -8 && point.y >= -8 && point.x <= size.x + 8 && point.y <= size.y + 8) {
        const x = point.x + origin.left;
        const y = point.y + origin.top;
        boxes.push({ left: x - 6, top: y - 6, right: x + 6, bottom: y + 6 });
      }
    });
  }
  return boxes;
}

/** Re-places the area names once the map has settled (after a redraw, a zoom, a resize, a layer change). */
function scheduleLabels() {
  cancelAnimationFrame(labelFrame);
  labelFrame = requestAnimationFrame(() => {
    // the choropleth's own names only where no boundary layer names the same areas
    const kind = choroplethKind || form.elements.areas.value;
    const boundary = overlays[kind === 'district' ? 'districts' : 'precincts'];
    const shown = placeLabels(map, [
      { group: overlays.precincts, rank: 0 },
      { group: overlays.districts, rank: 1 },
      { group: overlays.choropleth, rank: kind === 'district' ? 1 : 0, hide: map.hasLayer(boundary) },
    ], labelObstacles());
    page.dataset.labelsShown = String(shown);
  });
}

async function drawBoundaries(kind) {
  const group = overlays[kind === 'precinct' ? 'precincts' : 'districts'];
  if (group.getLayers().length) {
    scheduleLabels();
    return;
  }
  try {
    const collection = await boundaries(api, kind);
    const layer = L.geoJSON(collection, {
      renderer,
      style: kind === 'precinct'
        ? { color: '#263238', weight: 2, opacity: 0.8, fill: true, fillOpacity: 0 }
        : { color: '#6a1b9a', weight: 1.2, opacity: 0.7, dashArray: '4 4', fill: true, fillOpacity: 0 },
      onEachFeature(feature, path) {
        path.bindTooltip(nameOf(feature.properties || {}), {
          permanent: true, direction: 'center', className: `area-label ${kind}-label`, interactive: false,
          pane: LABEL_PANE,
        });
        path.on('click', (event) => areaClick(kind, feature, event.latlng));
      },
    });
    group.addLayer(layer);
    restack();
    routeAreaClicks();
    scheduleLabels();
  } catch (error) {
    if (!error.sessionEnded) {
      notice('api-notice', problemText(error));
    }
  }
}

let choroplethKey = null;
let lastColours = null;
let lastMetric = null;
let lastPeriod = null;

async function drawChoropleth(refresh = false) {
  const kind = form.elements.areas.value;
  const metric = form.elements.metric.value;
  const chosen = currentPeriod();
  const key = `${kind}/${metric}/${chosen.from}/${chosen.to}`;
  if (!map.hasLayer(overlays.choropleth) || (key === choroplethKey && !refresh)) {
    updateLegend(lastColours, lastMetric);
    return;
  }
  if (!checkPeriod()) {
    // an impossible custom period: say so next to the dates, ask nothing
    choroplethKey = null;
    overlays.choropleth.clearLayers();
    routeAreaClicks();
    updateLegend();
    return;
  }
  choroplethKey = key;
  page.dataset.areasLoaded = '';
  try {
    const [collection, rows] = await Promise.all([boundaries(api, kind), figures(api, kind, chosen, refresh)]);
    if (choroplethKey !== key) {
      return; // a newer choice is being drawn
    }
    const colours = scale(rows, metric);
    overlays.choropleth.clearLayers();
    overlays.choropleth.addLayer(L.geoJSON(collection, {
      renderer,
      style(feature) {
        const value = metricValue(rows[(feature.properties || {}).code], metric);
        return { color: '#ffffff', weight: 1, fillColor: colours.colour(value), fillOpacity: 0.55 };
      },
      onEachFeature(feature, path) {
        path.bindTooltip(nameOf(feature.properties || {}), {
          permanent: true, direction: 'center', className: `area-label ${kind}-label choropleth-label`,
          interactive: false, pane: LABEL_PANE,
        });
        path.on('click', (event) => areaClick(kind, feature, event.latlng));
      },
    }));
    choroplethKind = kind;
    restack();
    routeAreaClicks();
    scheduleLabels();
    lastColours = colours;
    lastMetric = metric;
    lastPeriod = chosen;
    updateLegend(colours, metric);
    page.dataset.areasLoaded = 'true';
  } catch (error) {
    if (choroplethKey === key) {
      choroplethKey = null;
      lastColours = null;
      if (!error.sessionEnded) {
        notice('api-notice', problemText(error));
      }
      updateLegend();
      page.dataset.areasLoaded = 'failed';
    }
  }
}

// ---- the legend -------------------------------------------------------------------------------------------

// The legend folds to one button so that it does not hide the map's corner (on a phone, a third of the map).
// Folded or open is remembered in this browser; until the reader chooses, it starts folded on narrow screens.

const legend = L.control({ position: 'bottomright' });
const LEGEND_STORE = 'watchkeeper.map.legend';
let legendControl = null;
let legendBox = null;
let legendToggle = null;

function rememberedLegend() {
  try {
    const saved = window.localStorage.getItem(LEGEND_STORE);
    return saved === 'open' || saved === 'closed' ? saved === 'open' : null;
  } catch (error) {
    return null; // storage refused (private mode): the default
  }
}

/** Keeps the open legend clear of the controls in the map's upper right corner (the layer list): what does
 * not fit scrolls inside the legend. */
function fitLegend() {
  if (!legendControl || !legendControl.isConnected || legendBox.hidden) {
    return;
  }
  const container = map.getContainer();
  const above = [...container.querySelectorAll('.leaflet-top.leaflet-right .leaflet-control')]
    .map((control) => control.getBoundingClientRect().bottom);
  const top = Math.max(container.getBoundingClientRect().top, ...above) + 10;
  const box = legendControl.getBoundingClientRect();
  const body = legendBox.getBoundingClientRect();
  const room = box.bottom - top - (body.top - box.top) - (box.bottom - body.bottom);
  legendBox.style.maxHeight = `${Math.max(48, Math.floor(room))}px`;
}

function showLegend(open, remember) {
  legendBox.hidden = !open;
  fitLegend();
  legendControl.classList.toggle('collapsed', !open);
  legendToggle.setAttribute('aria-expanded', String(open));
  const action = t(open ? 'legend.hide' : 'legend.show');
  legendToggle.setAttribute('aria-label', action);
  legendToggle.title = action;
  if (remember) {
    try {
      window.localStorage.setItem(LEGEND_STORE, open ? 'open' : 'closed');
    } catch (error) {
      // not remembered, still shown as asked
    }
  }
}

function swatch(fill, stroke, weight, outer) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="22" height="22" viewBox="0 0 22 22">${outer
    ? `<circle cx="11" cy="11" r="9.5" fill="none" stroke="${outer}" stroke-width="2"/>` : ''}`
    + `<circle cx="11" cy="11" r="5.5" fill="${fill}" stroke="${stroke}" stroke-width="${weight}"/></svg>`;
  const span = document.createElement('span');
  span.className = 'legend-swatch';
  span.innerHTML = svg;
  return span;
}

function legendRow(symbol, text, className) {
  const row = document.createElement('div');
  row.className = `legend-row ${className || ''}`;
  const label = document.createElement('span');
  label.textContent = text;
  row.append(symbol, label);
  return row;
}

function sectorSwatch(fill, stroke, opacity) {
  const span = document.createElement('span');
  span.className = 'legend-swatch';
  span.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" width="22" height="22" viewBox="0 0 22 22">'
    + `<path d="M11 19 L3.5 5.5 A 13 13 0 0 1 18.5 5.5 Z" fill="${fill}" fill-opacity="${opacity}" `
    + `stroke="${stroke || 'none'}" stroke-width="1"/></svg>`;
  return span;
}

function legendValue(metric, value) {
  if (metric === 'availability') {
    return t('legend.percent', formatNumber(value));
  }
  return metric === 'downtimeHours' ? t('legend.hours', formatNumber(value)) : formatNumber(value);
}

function updateLegend(colours, metric) {
  if (!legendBox) {
    return;
  }
  legendBox.replaceChildren();
  STATES.forEach((s) => legendBox.appendChild(
    legendRow(swatch(STATE_COLOURS[s], '#ffffff', 1), t(`state.${s}`), `legend-state state-${s}`)));
  const precedence = document.createElement('p');
  precedence.className = 'legend-note';
  precedence.id = 'legend-precedence';
  precedence.textContent = t('legend.precedence');
  legendBox.appendChild(precedence);
  legendBox.appendChild(legendRow(swatch('#bdbdbd', LPR_RING, 2.5), t('legend.lpr'), 'legend-lpr'));
  legendBox.appendChild(legendRow(swatch('#bdbdbd', LPR_RING, 2.5, REALTIME_RING), t('legend.realtimeLpr'),
    'legend-realtime'));
  const cluster = document.createElement('span');
  cluster.className = 'legend-swatch';
  cluster.innerHTML = clusterSvg(12, { WORKING: 9, OUTAGE: 2, FAULTY: 1 }).html;
  legendBox.appendChild(legendRow(cluster, t('legend.cluster'), 'legend-cluster'));
  if (map.hasLayer(overlays.fov)) {
    legendBox.appendChild(legendRow(sectorSwatch(STATE_COLOURS.WORKING, STATE_COLOURS.WORKING, 0.15), t('legend.fov'),
      'legend-fov'));
  }
  if (map.hasLayer(overlays.coverage)) {
    legendBox.appendChild(legendRow(sectorSwatch(COVERAGE_COLOUR, null, 0.45), t('legend.coverage'),
      'legend-coverage'));
  }
  if (colours && metric && lastPeriod && map.hasLayer(overlays.choropleth)) {
    const heading = document.createElement('h3');
    heading.textContent = t(`metric.${metric}`);
    legendBox.appendChild(heading);
    const period = document.createElement('p');
    period.className = 'legend-period';
    period.id = 'legend-period';
    period.textContent = t('legend.period', lastPeriod.from, lastPeriod.to);
    legendBox.appendChild(period);
    const ramp = document.createElement('div');
    ramp.className = 'legend-ramp';
    // the good end on the left (yellow), the bad end on the right; both ends of a fixed, rounded domain
    const low = document.createElement('span');
    low.className = 'ramp-good';
    low.textContent = legendValue(metric, colours.good);
    ramp.appendChild(low);
    RAMP.forEach((c) => {
      const step = document.createElement('span');
      step.className = 'ramp-step';
      step.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg" width="18" height="12"><rect width="18" height="12" fill="${c}"/></svg>`;
      ramp.appendChild(step);
    });
    const high = document.createElement('span');
    high.className = 'ramp-bad';
    high.textContent = legendValue(metric, colours.bad);
    ramp.appendChild(high);
    legendBox.appendChild(ramp);
  }
  fitLegend();
}

const CHEVRON = '<svg class="legend-chevron" xmlns="http://www.w3.org/2000/svg" width="12" height="12" '
  + 'viewBox="0 0 12 12" aria-hidden="true" focusable="false"><path d="M2 4.5 6 8.5 10 4.5" fill="none" '
  + 'stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></svg>';

legend.onAdd = () => {
  legendControl = L.DomUtil.create('div', 'leaflet-control map-legend');
  legendControl.id = 'map-legend';
  legendToggle = L.DomUtil.create('button', 'legend-toggle', legendControl);
  legendToggle.type = 'button';
  legendToggle.id = 'legend-toggle';
  legendToggle.setAttribute('aria-controls', 'legend-body');
  const title = document.createElement('span');
  title.className = 'legend-title';
  title.textContent = t('legend');
  legendToggle.innerHTML = CHEVRON;
  legendToggle.prepend(title);
  legendBox = L.DomUtil.create('div', 'legend-body', legendControl);
  legendBox.id = 'legend-body';
  L.DomEvent.disableClickPropagation(legendControl);
  L.DomEvent.disableScrollPropagation(legendControl);
  legendToggle.addEventListener('click', () => showLegend(legendBox.hidden, true));
  const remembered = rememberedLegend();
  showLegend(remembered == null ? !narrow : remembered, false);
  updateLegend();
  return legendControl;
};
legend.addTo(map);
fitLegend();

/** The choropleth's colours mean nothing without their scale: switching it on opens a folded legend (for this
 * time; what the reader chose for the legend stays remembered). */
function revealScale() {
  if (legendBox && legendBox.hidden) {
    showLegend(true, false);
  }
}

// ---- outages without reloading ----------------------------------------------------------------------------

let since = page.dataset.serverNow || new Date().toISOString();
let changesTimer = null;
let changesFade = null;
const reportedClosures = new Set();
const CHANGES_SHOWN_MS = 10000;
const clock = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Taipei', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Says what the last poll found (in the whole city: closed outages carry no place), then fades after ~10 s. */
function showChanges(opened, closed) {
  const element = document.getElementById('changes-notice');
  clearTimeout(changesFade);
  element.classList.remove('fading');
  notice('changes-notice', t('notice.changes', opened, closed, clock.format(new Date(serverNow()))));
  changesFade = setTimeout(() => {
    element.classList.add('fading');
    changesFade = setTimeout(() => {
      notice('changes-notice', null);
      element.classList.remove('fading');
    }, 1000);
  }, CHANGES_SHOWN_MS);
}

async function pollChanges() {
  try {
    const changes = await getJson(`${api}/outages/changes?since=${encodeURIComponent(since)}`);
    if (changes.now) {
      since = changes.now;
    }
    const opened = (changes.opened || []).length;
    // the API repeats a closure for 15 minutes (an end may be recorded late): each is counted once
    const closed = (changes.closed || []).filter((change) => {
      const key = `${change.cameraId}@${change.endedAt}`;
      if (reportedClosures.has(key)) {
        return false;
      }
      reportedClosures.add(key);
      return true;
    }).length;
    if (opened || closed) {
      showChanges(opened, closed);
      page.dataset.changes = String(Number(page.dataset.changes || 0) + opened + closed);
      refreshView();
      refreshCameraPopup();
      if (map.hasLayer(overlays.choropleth)) {
        drawChoropleth(true);
      }
    }
  } catch (error) {
    // the next poll tries again; the view itself shows API failures
  } finally {
    if (!sessionOver) {
      changesTimer = setTimeout(pollChanges, POLL_MS);
    }
  }
}

// ---- an ended session -------------------------------------------------------------------------------------

whenSessionEnds(() => {
  sessionOver = true;
  clearTimeout(changesTimer);
  clearTimeout(refreshTimer);
  if (viewRequest) {
    viewRequest.abort();
    viewRequest = null;
  }
  // the map's own address leads through the login page and back here (the login returns to the page asked for)
  document.getElementById('session-login').href = `${window.location.pathname}${window.location.search}`;
  notice('api-notice', null);
  notice('session-notice', true);
  markStale(t('status.sessionEnded'));
  page.dataset.session = 'ended';
});

// ---- wiring -----------------------------------------------------------------------------------------------

fillForm();
map.on('moveend', () => {
  saveState();
  scheduleRefresh();
});
map.on('resize', () => {
  fitLegend();
  scheduleLabels();
});
map.on('zoomend', () => {
  scheduleLabels();
  if (lastView && lastView.mode === 'cameras' && map.getZoom() < FOV_MIN_ZOOM) {
    overlays.fov.clearLayers();
    overlays.coverage.clearLayers();
  }
});
map.on('overlayadd overlayremove', (event) => {
  const name = layerName(event.layer);
  if (event.type === 'overlayadd') {
    if (name === 'precincts') {
      drawBoundaries('precinct');
    } else if (name === 'districts') {
      drawBoundaries('district');
    } else if (name === 'choropleth') {
      choroplethKey = null;
      revealScale();
      drawChoropleth();
    }
  } else if (name === 'choropleth') {
    updateLegend();
  }
  if (name === 'fov' || name === 'coverage') {
    updateLegend(lastColours, lastMetric);
  }
  routeAreaClicks();
  scheduleLabels();
  saveState();
});
form.addEventListener('change', (event) => {
  if (['period', 'from', 'to'].includes(event.target.name)) {
    if (event.target.name === 'period' && event.target.value === 'custom' && !form.elements.from.value
        && !form.elements.to.value) {
      const days = periodDays('30d', today);
      form.elements.from.value = days.from;
      form.elements.to.value = days.to;
    }
    if (!checkPeriod()) {
      choroplethKey = null;
      overlays.choropleth.clearLayers();
      routeAreaClicks();
      updateLegend();
    } else if (!map.hasLayer(overlays.choropleth)) {
      overlays.choropleth.addTo(map);
    } else {
      drawChoropleth();
    }
  } else if (event.target.name === 'areas' || event.target.name === 'metric') {
    if (!map.hasLayer(overlays.choropleth)) {
      overlays.choropleth.addTo(map);
    } else {
      drawChoropleth();
    }
  } else {
    scheduleRefresh();
  }
  saveState();
});
form.addEventListener('submit', (event) => event.preventDefault());
document.getElementById('f-reset').addEventListener('click', () => {
  state.filters = {};
  fillForm();
  saveState();
  scheduleRefresh();
});

if (!state.positioned && !state.filters.precinct && page.dataset.extent) {
  // another city's boundaries are loaded (the default centre is in none of them): open on their extent
  const [west, south, east, north] = page.dataset.extent.split(',').map(Number);
  if ([west, south, east, north].every(Number.isFinite)) {
    map.fitBounds([[south, west], [north, east]], { padding: [10, 10], animate: false });
  }
}
if (map.hasLayer(overlays.precincts)) {
  drawBoundaries('precinct');
}
if (map.hasLayer(overlays.districts)) {
  drawBoundaries('district');
}
if (map.hasLayer(overlays.choropleth)) {
  revealScale();
  drawChoropleth();
}
saveState();
refreshView();
if (state.camera) {
  openCamera({ id: state.camera });
}
if (!state.positioned && state.filters.precinct) {
  // a link with a precinct but no position (the outage board's): the precinct fills the view
  boundaries(api, 'precinct').then((collection) => {
    const feature = (collection.features || []).find((f) => (f.properties || {}).code === state.filters.precinct);
    if (feature && !state.camera) {
      map.fitBounds(L.geoJSON(feature).getBounds(), { padding: [10, 10] });
    }
  }).catch(() => {});
}
if (document.getElementById('canvass-panel')) {
  startCanvassTool({
    L, map, page, caseId: state.caseId,
    rememberCase(id) {
      state.caseId = id;
      saveState();
    },
  });
}
changesTimer = setTimeout(pollChanges, POLL_MS);
window.addEventListener('pagehide', () => clearTimeout(changesTimer));
page.dataset.ready = 'true';
