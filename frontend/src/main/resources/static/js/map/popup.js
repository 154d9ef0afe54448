// A camera's popup from /api/map/cameras/{id}: key facts, its open work order (link) and recent outages.

import { t, nameOf, formatTime, durationSince } from './labels.js';

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

export function errorPopup(message) {
  const box = document.createElement('div');
  box.className = 'map-popup error';
  box.textContent = t('notice.api', message);
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

  const order = pick(facts, 'openWorkOrder', 'workOrder');
  if (order && order.id != null) {
    const orderLink = document.createElement('a');
    orderLink.href = `${urls.workOrder}${order.id}`;
    orderLink.className = 'work-order-link';
    const assignee = order.assigneeNameZh || order.assigneeNameEn
      ? nameOf({ nameZh: order.assigneeNameZh, nameEn: order.assigneeNameEn })
      : pick(order, 'assigneeName', 'assignee');
    const orderState = pick(order, 'state', 'status');
    orderLink.textContent = [`#${order.id}`, orderState ? t(`order.${orderState}`) : null, assignee].filter(Boolean).join(' · ');
    add(t('popup.workOrder'), orderLink, 'popup-order');
  } else {
    add(t('popup.workOrder'), t('popup.noWorkOrder'), 'popup-order');
  }
  box.appendChild(list);

  const outages = pick(facts, 'recentOutages', 'outages') || [];
  const heading = document.createElement('h4');
  heading.textContent = t('popup.recentOutages');
  box.appendChild(heading);
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
