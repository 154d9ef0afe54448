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

function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * The days (ISO, both included) of a period: a preset counted back from today (the server's day, YYYY-MM-DD),
 * or the custom from/to as given. Dates are worked out in UTC so that the reader's time zone plays no part.
 */
export function periodDays(period, today, custom = {}) {
  const [y, m, d] = today.split('-').map(Number);
  const day = (year, month, date) => isoDay(new Date(Date.UTC(year, month - 1, date)));
  switch (period) {
    case '7d':
      return { from: day(y, m, d - 6), to: today };
    case 'month':
      return { from: day(y, m, 1), to: today };
    case 'lastMonth':
      return { from: day(y, m - 1, 1), to: day(y, m, 0) };
    case 'year':
      return { from: day(y, 1, 1), to: today };
    case 'custom':
      return { from: custom.from || '', to: custom.to || '' };
    default:
      return { from: day(y, m, d - 29), to: today };
  }
}

/** Why a period cannot be asked for (a label key), or null when it can. */
export function periodProblem(days) {
  if (!days.from || !days.to) {
    return 'period.incomplete';
  }
  return days.from > days.to ? 'period.invalid' : null;
}

/** The figures of every area of a kind over a period (from/to: ISO days, both included), by area code. */
export function figures(api, kind, days, refresh = false) {
  const key = `${kind}/${days.from}/${days.to}`;
  if (!figureCache[key] || refresh) {
    const query = new URLSearchParams({ kind, from: days.from, to: days.to });
    figureCache[key] = getJson(`${api}/areas?${query}`).then((answer) => {
      const rows = Array.isArray(answer) ? answer : (answer.areas || answer.items || []);
      const byCode = {};
      rows.forEach((row) => {
        byCode[row.code] = row;
      });
      return byCode;
    }).catch((error) => {
      delete figureCache[key];
      throw error;
    });
  }
  return figureCache[key];
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

/** The smallest of 1, 2, 5 × 10ⁿ at or above a value (at least 1): a scale's end a reader can take in at a glance. */
export function niceCeiling(value) {
  if (!(value > 1)) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((f) => value <= f * power + 1e-9);
  return step * power;
}

/**
 * The colours of a figure over a fixed, rounded domain rather than the spread of the values shown: availability
 * from 100 % down to 95 % (lower when an area is below, to the whole percent), counts and hours from 0 up to a
 * round number. So 99.8 % and 100 % look alike, as they should, and the legend's ends read as round figures.
 * {@code good} and {@code bad} are the domain's ends (the legend shows good on the left).
 */
export function scale(rows, metric) {
  const values = Object.values(rows).map((row) => metricValue(row, metric)).filter((v) => v != null && Number.isFinite(v));
  const availability = metric === 'availability';
  const good = availability ? 100 : 0;
  const bad = availability
    ? Math.min(95, Math.floor(values.length ? Math.min(...values) : 95))
    : niceCeiling(values.length ? Math.max(...values) : 0);
  return {
    good,
    bad,
    colour(value) {
      if (value == null || !Number.isFinite(value)) {
        return '#cfd8dc';
      }
      const share = Math.min(1, Math.max(0, (value - good) / (bad - good)));
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
