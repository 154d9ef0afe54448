// A camera's popup from /api/map/cameras/{id}: key facts, its open work order (link) and recent outages.

import { t, nameOf, formatTime, durationSince, formatNumber } from './labels.js';

const POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];

/** The compass point (of eight) of a heading in degrees clockwise from north, labelled. */
export function compass(heading) {
  const degrees = ((Number(heading) % 360) + 360) % 360;
  return t(`compass.${POINTS[Math.round(degrees / 45) % 8]}`);
}

function pick(object, ...names) {
  for (const name of names) {
    if (object && object[name] != null && object[name] !== '') {
      return object[name];
    }
  }
  return null;
}

function areaName(facts, kind) {
  const nested = facts[kind];
  if (nested && typeof nested === 'object') {
    return nameOf(nested);
  }
  return nameOf({
    nameZh: pick(facts, `${kind}NameZh`, `${kind}Name`, kind),
    nameEn: pick(facts, `${kind}NameEn`),
    code: pick(facts, `${kind}Code`),
  });
}

export function loadingPopup() {
  const box = document.createElement('div');
  box.className = 'map-popup';
  box.textContent = t('status.loading');
  return box;
}

/** A popup saying why its facts could not be had (text in the page's language). */
export function errorPopup(text) {
  const box = document.createElement('div');
  box.className = 'map-popup error';
  box.textContent = text;
  return box;
}

export function cameraPopup(facts, urls) {
  const box = document.createElement('div');
  box.className = 'map-popup camera-popup';
  box.dataset.cameraId = String(facts.id);
  const title = document.createElement('h3');
  const link = document.createElement('a');
  link.href = `${urls.camera}${facts.id}`;
  link.className = 'camera-link';
  link.textContent = pick(facts, 'assetTag') || `#${facts.id}`;
  title.appendChild(link);
  box.appendChild(title);

  const list = document.createElement('dl');
  const add = (label, value, className) => {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    if (className) {
      dd.className = className;
    }
    if (value instanceof Node) {
      dd.appendChild(value);
    } else {
      dd.textContent = value == null || value === '' ? '—' : String(value);
    }
    list.append(dt, dd);
  };
  const state = pick(facts, 'state');
  let stateText = state ? t(`state.${state}`) : '—';
  const since = pick(facts, 'outageSince');
  if (state === 'OUTAGE' && since) {
    stateText += ` (${t('popup.down', durationSince(since))})`;
  }
  add(t('popup.state'), stateText, `popup-state state-${state}`);
  add(t('popup.address'), pick(facts, 'address', 'siteAddress'));
  add(t('popup.precinct'), areaName(facts, 'precinct'));
  add(t('popup.district'), areaName(facts, 'district'));
  const lpr = pick(facts, 'lpr');
  add(t('popup.lpr'), lpr ? t(`lpr.${lpr}`) : '—');
  add(t('popup.installed'), formatTime(pick(facts, 'installDate', 'installedOn', 'installed')));
  add(t('popup.endOfLife'), formatTime(pick(facts, 'endOfLife', 'endOfLifeDate')));

  // the field of view in one row (facing, angle, range) so that the popup fits above its camera on a laptop
  const heading = pick(facts, 'heading');
  const fov = pick(facts, 'fov');
  const range = pick(facts, 'range');
  add(t('popup.view'), [
    heading == null ? null : t('popup.facing', Number(heading), compass(heading)),
    fov == null ? null : t('popup.angle', Number(fov)),
    range == null ? null : t('popup.metres', formatNumber(range)),
  ].filter(Boolean).join(t('list.separator')), 'popup-view');
  add(t('popup.model'), [pick(facts, 'make'), pick(facts, 'model')].filter(Boolean).join(' '));

  // Only callers who may see any camera's work order get the row (the API says so): for the others "no open
  // work order" would be a claim the page cannot make.
  if (facts.workOrderVisible === true) {
    const order = pick(facts, 'workOrder', 'openWorkOrder');
    if (order && order.id != null) {
      const orderLink = document.createElement('a');
      orderLink.href = `${urls.workOrder}${order.id}`;
      orderLink.className = 'work-order-link';
      const assignee = order.assigneeNameZh || order.assigneeNameEn
        ? nameOf({ nameZh: order.assigneeNameZh, nameEn: order.assigneeNameEn })
        : pick(order, 'assigneeName', 'assignee');
      const orderState = pick(order, 'state', 'status');
      orderLink.textContent = [`#${order.id}`, orderState ? t(`order.${orderState}`) : null, assignee]
        .filter(Boolean).join(' · ');
      add(t('popup.workOrder'), orderLink, 'popup-order');
    } else {
      add(t('popup.workOrder'), t('popup.noWorkOrder'), 'popup-order');
    }
  }
  box.appendChild(list);

  const outages = pick(facts, 'recentOutages', 'outages') || [];
  const outagesTitle = document.createElement('h4');
  outagesTitle.textContent = t('popup.recentOutages');
  box.appendChild(outagesTitle);
  if (!outages.length) {
    const none = document.createElement('p');
    none.className = 'muted';
    none.textContent = t('popup.noOutages');
    box.appendChild(none);
  } else {
    const items = document.createElement('ul');
    items.className = 'popup-outages';
    outages.slice(0, 5).forEach((outage) => {
      const item = document.createElement('li');
      const start = formatTime(pick(outage, 'startedAt', 'start'));
      const end = pick(outage, 'endedAt', 'end');
      item.textContent = `${start} – ${end ? formatTime(end) : t('popup.ongoing')}`;
      items.appendChild(item);
    });
    box.appendChild(items);
  }
  return box;
}
