// The placement map: the configured base map (or none), the precinct and district boundaries with their names,
// and the first view on the loaded boundaries' extent, so that any city's boundaries fill the screen.

import { boundaries } from '../map/areas.js';
import { t } from './labels.js';

const L = window.L;
/** Where the map starts before the boundaries are there (Kaohsiung's centre, the map page's default). */
const FALLBACK_VIEW = { lat: 22.63, lon: 120.31, zoom: 12 };

function escapeHtml(text) {
  const span = document.createElement('span');
  span.textContent = text || '';
  return span.innerHTML;
}

function nameOf(properties, english) {
  const zh = properties.nameZh || properties.name_zh || properties.name;
  const en = properties.nameEn || properties.name_en;
  return (english && en) || zh || en || properties.code || '';
}

/**
 * Makes the map in element #map; resolves to { map, areas } once the boundaries are drawn (or failed), where
 * areas.precinct and areas.district map an area's code to its Leaflet layer.
 */
export function createMap(page, onFailure) {
  const maxZoom = Number(page.dataset.tileMaxZoom) || 19;
  const english = (page.dataset.locale || '').toLowerCase().startsWith('en');
  const map = L.map('map', { minZoom: 6, maxZoom, keyboard: true, zoomControl: true })
    .setView([FALLBACK_VIEW.lat, FALLBACK_VIEW.lon], FALLBACK_VIEW.zoom);
  const tiles = L.tileLayer(page.dataset.tileUrl, {
    maxZoom,
    attribution: escapeHtml(page.dataset.tileAttribution),
    referrerPolicy: 'strict-origin-when-cross-origin',
  });
  const noBaseMap = L.layerGroup();
  tiles.addTo(map);
  const precincts = L.featureGroup().addTo(map);
  const districts = L.featureGroup();
  L.control.layers({
    [t('layer.base', page.dataset.tileName || '')]: tiles,
    [t('layer.none')]: noBaseMap,
  }, { [t('layer.precincts')]: precincts, [t('layer.districts')]: districts }, { position: 'topright' }).addTo(map);

  const areas = { precinct: new Map(), district: new Map() };
  const draw = (kind, group, style) => boundaries(page.dataset.mapApi, kind).then((collection) => {
    L.geoJSON(collection, {
      style,
      interactive: false,
      onEachFeature(feature, layer) {
        const properties = feature.properties || {};
        areas[kind].set(properties.code, layer);
        if (kind === 'precinct') {
          layer.bindTooltip(nameOf(properties, english), { permanent: true, direction: 'center', className: 'area-label' });
        }
      },
    }).addTo(group);
  });
  const ready = Promise.all([
    draw('precinct', precincts, { color: '#263238', weight: 2, opacity: 0.8, fill: false }),
    draw('district', districts, { color: '#6a1b9a', weight: 1.2, opacity: 0.7, dashArray: '4 4', fill: false }),
  ]).then(() => {
    const extent = precincts.getBounds();
    if (extent.isValid()) {
      map.fitBounds(extent, { padding: [10, 10] });
    }
  }).catch((error) => {
    if (onFailure) {
      onFailure(error);
    }
  }).then(() => ({ map, areas }));
  return ready;
}
