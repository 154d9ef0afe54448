// The placement queue: one pole at a time from /api/placement/queue/next, placed by a click on the map (a marker
// that can be dragged, or moved with the arrow keys, before "Place"), skipped to the end of this user's queue, or
// passed over with "Next". A point outside every precinct is placed only after the person confirms it.

import { getJson, sendJson, whenSessionEnds } from '../map/api.js';
import { t } from './labels.js';
import { createMap } from './base-map.js';

const L = window.L;
const page = document.getElementById('placement-page');
const api = page.dataset.api;
const $ = (id) => document.getElementById(id);

/** The pole shown now, the marker the person set, and whether a request is on its way. */
let pole = null;
let marker = null;
let busy = false;
let map = null;
let areas = null;
const placedLayer = L.layerGroup();

function filters() {
  const params = new URLSearchParams();
  const precinct = $('pl-precinct').value;
  if (precinct) {
    params.set('precinct', precinct);
  }
  if ($('pl-with-address').checked) {
    params.set('withAddress', 'true');
  }
  params.set('order', $('pl-order').value);
  return params;
}

function status(text) {
  $('pl-status').textContent = text || '';
}

function notice(text) {
  const element = $('pl-notice');
  element.textContent = text || '';
  element.hidden = !text;
}

function showProgress(progress) {
  if (!progress) {
    return;
  }
  $('pl-placed-today').textContent = progress.placedToday;
  $('pl-remaining').textContent = progress.remaining;
  $('pl-skipped').textContent = progress.skipped;
}

function headingText(camera) {
  if (camera.fovDeg === 360) {
    return t('allRound');
  }
  return camera.headingDeg == null ? t('noHeading') : `${camera.headingDeg}°`;
}

function areaName(area) {
  return area ? area.name || area.code : '–';
}

function clearMarker() {
  if (marker) {
    marker.remove();
    marker = null;
  }
  $('pl-lon').value = '';
  $('pl-lat').value = '';
  $('pl-place').disabled = true;
  $('pl-confirm').hidden = true;
}

function centreOn(current) {
  const s = current.suggestion;
  if (s && (s.source === 'ADDRESS' || s.source === 'SITE')) {
    // a road-only match stands somewhere along the road section: a wider view
    map.setView([s.latitude, s.longitude], s.quality === 'ROAD' || s.matchStatus === 'REJECTED' ? 16 : 17);
    return;
  }
  const named = current.precinct && areas.precinct.get(current.precinct.code);
  if (named) {
    map.fitBounds(named.getBounds(), { padding: [10, 10] });
  } else if (s) {
    map.setView([s.latitude, s.longitude], 15);
  }
}

/** Why the map starts where it does; for an address match its quality and the door plate (or roads) it came from. */
function suggestionText(s) {
  if (!s) {
    return t('suggestion.none');
  }
  if (s.source !== 'ADDRESS') {
    return t(`suggestion.${s.source}`);
  }
  const text = t('suggestion.ADDRESS', t(`quality.${s.quality}`), s.doorPlate || '–', s.quality);
  return s.matchStatus === 'REJECTED' ? `${text} ${t('suggestion.rejected')}` : text;
}

function render(step) {
  showProgress(step.progress);
  clearMarker();
  pole = step.pole;
  $('pl-pole').hidden = !pole;
  $('pl-empty').hidden = !!pole;
  page.dataset.pole = pole ? `${pole.kind.toLowerCase()}:${pole.id}` : '';
  if (!pole) {
    return;
  }
  $('pl-kind').textContent = t(`kind.${pole.kind}`);
  $('pl-code').textContent = pole.code || '';
  $('pl-address').textContent = pole.address || t('noAddress');
  $('pl-named-precinct').textContent = areaName(pole.precinct);
  $('pl-named-station').textContent = areaName(pole.station);
  $('pl-named-district').textContent = areaName(pole.district);
  $('pl-suggestion').textContent = suggestionText(pole.suggestion);
  const skipped = $('pl-skipped-at');
  skipped.hidden = !pole.skipped;
  // the department's day and time, ISO-like (sv-SE writes YYYY-MM-DD HH:mm)
  skipped.textContent = pole.skipped ? t('skippedAt', new Date(pole.skipped)
    .toLocaleString('sv-SE', { timeZone: 'Asia/Taipei' }).substring(0, 16)) : '';
  const rows = $('pl-cameras');
  rows.replaceChildren(...pole.cameras.map((camera) => {
    const row = document.createElement('tr');
    const tag = document.createElement('td');
    const link = document.createElement('a');
    link.href = `${page.dataset.cameraUrl}${camera.id}`;
    link.textContent = camera.assetTag;
    tag.append(link);
    const heading = document.createElement('td');
    heading.textContent = headingText(camera);
    const lpr = document.createElement('td');
    lpr.textContent = t(`lpr.${camera.lpr}`);
    row.append(tag, heading, lpr);
    return row;
  }));
  centreOn(pole);
  if (pole.suggestion && pole.suggestion.source === 'SITE') {
    // the pole stands there already (other cameras of it have a position): proposed, to confirm with Place
    setMarker(L.latLng(pole.suggestion.latitude, pole.suggestion.longitude));
  }
}

function failed(error) {
  if (error && error.sessionEnded) {
    return;
  }
  notice(error && error.problems && error.problems.length
    ? error.problems.map((p) => p.message).join('; ') : t('failed'));
}

async function load(after, message = '') {
  if (busy) {
    return;
  }
  busy = true;
  status(t('loading'));
  try {
    const params = filters();
    if (after) {
      params.set('after', after);
    }
    render(await getJson(`${api}/next?${params}`));
    notice(null);
    status(message);
  } catch (error) {
    status('');
    failed(error);
  } finally {
    busy = false;
    page.dataset.ready = 'true';
  }
}

function setMarker(latlng) {
  if (!pole) {
    return;
  }
  if (!marker) {
    marker = L.marker(latlng, { draggable: true, keyboard: true, title: t('markerHint'), autoPan: true }).addTo(map);
    marker.on('drag dragend', () => showPoint(marker.getLatLng()));
  } else {
    marker.setLatLng(latlng);
  }
  showPoint(latlng);
  $('pl-place').disabled = false;
  $('pl-confirm').hidden = true;
}

function showPoint(latlng) {
  $('pl-lon').value = latlng.lng.toFixed(6);
  $('pl-lat').value = latlng.lat.toFixed(6);
}

function typedPoint() {
  const lon = Number($('pl-lon').value.trim());
  const lat = Number($('pl-lat').value.trim());
  if ($('pl-lon').value.trim() === '' || $('pl-lat').value.trim() === '' || !Number.isFinite(lon)
    || !Number.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    return null;
  }
  return L.latLng(lat, lon);
}

function onTyped() {
  const point = typedPoint();
  if (point) {
    notice(null);
    setMarker(point);
    map.panTo(point);
  } else {
    $('pl-place').disabled = true;
  }
}

async function place(confirmOutside = false) {
  if (!pole || !marker || busy) {
    return;
  }
  const point = marker.getLatLng();
  const current = pole;
  busy = true;
  try {
    const placed = await sendJson(`${api}/${current.kind.toLowerCase()}/${current.id}/place`, {
      longitude: Number(point.lng.toFixed(7)),
      latitude: Number(point.lat.toFixed(7)),
      confirmOutside,
      cameraIds: current.cameras.map((c) => c.id),
    });
    L.circleMarker(point, { radius: 6, color: '#2e7d32', fillOpacity: 0.8 })
      .bindTooltip(`${current.code || ''} ${placed.precinct ? placed.precinct.name : ''}`).addTo(placedLayer);
    const done = placed.precinct
      ? t('placed', current.code || '', placed.cameraIds.length, placed.precinct.name)
      : t('placedOutside', current.code || '', placed.cameraIds.length);
    page.dataset.placed = String(Number(page.dataset.placed || 0) + 1);
    busy = false;
    await load(`${current.kind.toLowerCase()}:${current.id}`, done);
  } catch (error) {
    busy = false;
    if (error.status === 409 && error.fields.includes('confirmOutside')) {
      $('pl-confirm').hidden = false;
      $('pl-confirm-yes').focus();
    } else if (error.status === 409 || error.status === 404) {
      notice(error.status === 409 ? t('conflict') : t('gone'));
      await load(`${current.kind.toLowerCase()}:${current.id}`);
    } else if (error.status === 400) {
      notice(t('badPoint'));
    } else {
      failed(error);
    }
  }
}

async function skip() {
  if (!pole || busy) {
    return;
  }
  busy = true;
  try {
    render(await sendJson(`${api}/${pole.kind.toLowerCase()}/${pole.id}/skip?${filters()}`, {}));
    notice(null);
  } catch (error) {
    failed(error);
  } finally {
    busy = false;
  }
}

function next() {
  load(pole ? `${pole.kind.toLowerCase()}:${pole.id}` : null);
}

function typing(event) {
  const target = event.target;
  return target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA'
    || target.isContentEditable);
}

function keys(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) {
    return;
  }
  const key = event.key.toLowerCase();
  if (key === 'p') {
    event.preventDefault();
    place();
  } else if (key === 's') {
    event.preventDefault();
    skip();
  } else if (key === 'n') {
    event.preventDefault();
    next();
  } else if ((key === 'enter' || key === ' ') && event.target === $('map')) {
    // keyboard placing: pan with the arrow keys, then Enter drops the marker at the map's centre
    event.preventDefault();
    setMarker(map.getCenter());
  }
}

whenSessionEnds(() => notice(t('sessionEnded')));
createMap(page, failed).then((made) => {
  ({ map, areas } = made);
  placedLayer.addTo(map);
  map.on('click', (event) => setMarker(event.latlng));
  $('pl-place').addEventListener('click', () => place());
  $('pl-skip').addEventListener('click', skip);
  $('pl-next').addEventListener('click', next);
  $('pl-confirm-yes').addEventListener('click', () => {
    $('pl-confirm').hidden = true;
    place(true);
  });
  $('pl-confirm-no').addEventListener('click', () => {
    $('pl-confirm').hidden = true;
  });
  $('pl-lon').addEventListener('change', onTyped);
  $('pl-lat').addEventListener('change', onTyped);
  $('pl-filters').addEventListener('change', () => load(null));
  document.addEventListener('keydown', keys);
  load(null);
});
