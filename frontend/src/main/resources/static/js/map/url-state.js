// The view in the address bar: position (lat, lon, zoom), filters, area figure, layers and base map, kept with
// history.replaceState so that a copied link shows a colleague the same view.

export const FILTERS = ['precinct', 'district', 'state', 'lpr', 'funding', 'project', 'installFrom', 'installTo',
  'eolFrom', 'eolTo'];

/** The periods of the choropleth; the default (the last 30 days) stays out of the address. */
export const PERIODS = ['7d', '30d', 'month', 'lastMonth', 'year', 'custom'];
export const DEFAULT_PERIOD = '30d';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isoDate(value) {
  return value && ISO_DATE.test(value) ? value : '';
}

export const DEFAULT_VIEW = { lat: 22.63, lon: 120.31, zoom: 12 };

function number(value, min, max) {
  if (value == null || value === '') {
    return null;
  }
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

/** What the address bar asks for; values out of range fall back to the default view. */
export function readState() {
  const query = new URLSearchParams(window.location.search);
  const lat = number(query.get('lat'), -90, 90);
  const lon = number(query.get('lon'), -180, 180);
  const zoom = number(query.get('zoom'), 0, 22);
  const filters = {};
  FILTERS.forEach((name) => {
    const value = query.get(name);
    if (value) {
      filters[name] = value;
    }
  });
  const camera = number(query.get('camera'), 1, Number.MAX_SAFE_INTEGER);
  const caseId = number(query.get('case'), 1, Number.MAX_SAFE_INTEGER);
  return {
    lat: lat ?? DEFAULT_VIEW.lat,
    lon: lon ?? DEFAULT_VIEW.lon,
    zoom: zoom ?? DEFAULT_VIEW.zoom,
    filters,
    areas: query.get('areas') === 'district' ? 'district' : 'precinct',
    metric: query.get('metric'),
    period: PERIODS.includes(query.get('period')) ? query.get('period') : DEFAULT_PERIOD,
    from: isoDate(query.get('from')),
    to: isoDate(query.get('to')),
    layers: query.has('layers') ? query.get('layers').split(',').filter(Boolean) : null,
    base: query.get('base') === 'none' ? 'none' : null,
    camera: camera != null ? Math.floor(camera) : null,
    /** The investigation case the canvass tool starts with (a case page's link to the map). */
    caseId: caseId != null ? Math.floor(caseId) : null,
    /** Whether the address gave a position (else the default view). */
    positioned: lat != null && lon != null,
  };
}

/** Writes the current view into the address bar (no new history entry) and into the language links. */
export function writeState(state) {
  const query = new URLSearchParams();
  query.set('lat', state.lat.toFixed(5));
  query.set('lon', state.lon.toFixed(5));
  query.set('zoom', String(state.zoom));
  FILTERS.forEach((name) => {
    if (state.filters[name]) {
      query.set(name, state.filters[name]);
    }
  });
  if (state.areas && state.areas !== 'precinct') {
    query.set('areas', state.areas);
  }
  if (state.metric) {
    query.set('metric', state.metric);
  }
  if (state.period && state.period !== DEFAULT_PERIOD) {
    query.set('period', state.period);
    if (state.period === 'custom') {
      if (state.from) {
        query.set('from', state.from);
      }
      if (state.to) {
        query.set('to', state.to);
      }
    }
  }
  if (state.layers) {
    query.set('layers', state.layers.join(','));
  }
  if (state.base) {
    query.set('base', state.base);
  }
  if (state.camera) {
    query.set('camera', String(state.camera));
  }
  if (state.caseId) {
    query.set('case', String(state.caseId));
  }
  const search = `?${query}`;
  if (search !== window.location.search) {
    window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }
  // switching the language reloads the page: keep the view
  [['lang-zh', 'zh-TW'], ['lang-en', 'en']].forEach(([id, lang]) => {
    const link = document.getElementById(id);
    if (link) {
      const withLang = new URLSearchParams(query);
      withLang.set('lang', lang);
      link.setAttribute('href', `${window.location.pathname}?${withLang}`);
    }
  });
}
