// Precinct and district boundaries with their names, the downtime choropleth and an area's figures.

import { getJson } from './api.js';
import { t, nameOf, formatNumber } from './labels.js';

const boundaryCache = {};
const figureCache = {};

export function boundaries(api, kind) {
  if (!boundaryCache[kind]) {
    boundaryCache[kind] = getJson(`${api}/boundaries?kind=${kind}`).catch((error) => {
      delete boundaryCache[kind];
      throw error;
    });
  }
  return boundaryCache[kind];
}

/** The figures of every area of a kind (default period: the last 30 days), by area code. */
export function figures(api, kind, refresh = false) {
  if (!figureCache[kind] || refresh) {
    figureCache[kind] = getJson(`${api}/areas?kind=${kind}`).then((answer) => {
      const rows = Array.isArray(answer) ? answer : (answer.areas || answer.items || []);
      const byCode = {};
      rows.forEach((row) => {
        byCode[row.code] = row;
      });
      return byCode;
    }).catch((error) => {
      delete figureCache[kind];
      throw error;
    });
  }
  return figureCache[kind];
}

function first(row, ...names) {
  for (const name of names) {
    if (row[name] != null) {
      return Number(row[name]);
    }
  }
  return null;
}

export function metricValue(row, metric) {
  if (!row) {
    return null;
  }
  if (metric === 'down') {
    return first(row, 'down', 'currentOutages', 'openOutages', 'outages');
  }
  if (metric === 'downtimeHours') {
    return first(row, 'downtimeHours', 'downtime');
  }
  return first(row, 'availability', 'availabilityPercent', 'availabilityPct');
}

/** Light yellow (good) to dark red (bad). */
export const RAMP = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];

export function scale(rows, metric) {
  const values = Object.values(rows).map((row) => metricValue(row, metric)).filter((v) => v != null && Number.isFinite(v));
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 0;
  const worseWhenLow = metric === 'availability';
  return {
    min,
    max,
    colour(value) {
      if (value == null || !Number.isFinite(value)) {
        return '#cfd8dc';
      }
      let share = max > min ? (value - min) / (max - min) : 0;
      if (worseWhenLow) {
        share = 1 - share;
      }
      return RAMP[Math.min(RAMP.length - 1, Math.floor(share * RAMP.length))];
    },
  };
}

export function areaPopup(name, row) {
  const box = document.createElement('div');
  box.className = 'map-popup area-popup';
  const title = document.createElement('h3');
  title.textContent = name;
  box.appendChild(title);
  const list = document.createElement('dl');
  const add = (label, value) => {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  };
  if (row) {
    add(t('popup.cameras'), formatNumber(first(row, 'cameras', 'total')));
    add(t('popup.working'), formatNumber(first(row, 'working')));
    add(t('popup.down.count'), formatNumber(metricValue(row, 'down')));
    add(t('popup.downtimeHours'), formatNumber(metricValue(row, 'downtimeHours'), 1));
    const availability = metricValue(row, 'availability');
    add(t('popup.availability'), availability == null ? '—' : `${formatNumber(availability, 2)} %`);
    add(t('popup.openOrders'), formatNumber(first(row, 'openOrders', 'openWorkOrders')));
  }
  box.appendChild(list);
  return box;
}

export { nameOf };
