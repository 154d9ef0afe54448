// The canvass answer beside the map: the summary line, links to the saved snapshot and its CSV, and one row per
// camera in the answer's order (nearest first; along the route for a route) with distance, bearing, facing,
// availability (the down intervals in the window folded under it), LPR and footage expiry. A row pans the map to
// its camera; from a row the investigator can request the camera's footage and record what came of it.

import { sendJson } from './api.js';
import { t, formatTime, formatNumber } from './labels.js';
import { compass } from './popup.js';
import { AVAILABILITY } from './canvass-layer.js';

const PRIORITIES = ['NORMAL', 'URGENT', 'CRITICAL'];

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text != null) {
    node.textContent = text;
  }
  return node;
}

function availabilityOf(camera) {
  return AVAILABILITY.includes(camera.availability) ? camera.availability : 'UNKNOWN';
}

function metres(value) {
  return t('canvass.metres', formatNumber(value));
}

function bearingText(degrees) {
  return degrees == null ? null : t('canvass.bearing', formatNumber(degrees), compass(degrees));
}

function interval(item) {
  return `${formatTime(item.from)} – ${formatTime(item.to)}`;
}

/** The camera's facts as one line of short parts: how far, which way, facing, LPR. */
function factsOf(camera, kind) {
  const parts = [];
  if (kind === 'ROUTE') {
    parts.push(t('canvass.along', formatNumber(camera.alongM)));
    parts.push(t('canvass.offset', formatNumber(camera.offsetM ?? camera.distanceM)));
    parts.push(t(`canvass.travel.${camera.travel || 'UNKNOWN'}`));
  } else {
    parts.push(metres(camera.distanceM));
    const bearing = bearingText(camera.bearingDeg);
    if (bearing) {
      parts.push(bearing);
    }
    parts.push(t(`canvass.facing.${camera.facing || 'UNKNOWN'}`));
  }
  if (camera.lpr && camera.lpr !== 'NONE') {
    parts.push(t(`lpr.${camera.lpr}`));
  }
  return parts.join(t('list.separator'));
}

/** The availability badge, with the down intervals in the window folded under it (and on hover). */
function availabilityPart(camera) {
  const availability = availabilityOf(camera);
  const box = element('div', 'canvass-availability');
  const down = camera.downIntervals || [];
  const badge = element('span', `availability-badge availability-${availability}`, t(`canvass.availability.${availability}`));
  if (!down.length) {
    box.appendChild(badge);
    return box;
  }
  const details = element('details', 'canvass-down');
  const summary = element('summary');
  summary.append(badge, ` ${t('canvass.downCount', down.length)}`);
  summary.title = down.map(interval).join('\n');
  details.appendChild(summary);
  const list = element('ul', 'canvass-down-list');
  down.forEach((item) => list.appendChild(element('li', null, interval(item))));
  details.appendChild(list);
  box.appendChild(details);
  return box;
}

function expiryPart(camera) {
  const expiry = element('span', `canvass-expiry${camera.expired ? ' expired' : ''}`,
    camera.expired ? t('canvass.expired', formatTime(camera.footageExpiresOn))
      : t('canvass.expires', formatTime(camera.footageExpiresOn)));
  return expiry;
}

/** The camera's facts for its popup on the map. */
export function canvassPopup(camera, kind, cameraUrl) {
  const box = element('div', 'map-popup canvass-popup');
  box.dataset.cameraId = String(camera.cameraId);
  const title = element('h3');
  const link = element('a', 'camera-link', camera.assetTag);
  link.href = `${cameraUrl}${camera.cameraId}`;
  title.appendChild(link);
  box.appendChild(title);
  if (camera.address) {
    box.appendChild(element('p', 'canvass-address', camera.address));
  }
  box.appendChild(element('p', 'canvass-facts', factsOf(camera, kind)));
  box.appendChild(availabilityPart(camera));
  box.appendChild(expiryPart(camera));
  return box;
}

export class CanvassPanel {
  /**
   * handlers: show(camera) pans to a camera and opens its popup; back() returns to the whole canvass.
   */
  constructor(panel, handlers) {
    this.panel = panel;
    this.handlers = handlers;
    this.results = panel.querySelector('#canvass-results');
    this.list = panel.querySelector('#canvass-list');
    this.canvass = null;
    this.requests = new Map();
    panel.querySelector('#canvass-back').addEventListener('click', () => this.back());
  }

  /** Shows a canvass answer; answers the rows drawn. */
  show(canvass) {
    this.canvass = canvass;
    this.requests.clear();
    this.results.hidden = false;
    this.results.dataset.kind = canvass.kind;
    this.results.dataset.canvassId = String(canvass.id);
    const summary = canvass.summary || {};
    this.panel.querySelector('#canvass-summary').textContent = t('canvass.summary', formatNumber(summary.found),
      formatNumber(summary.facingAndRecording), formatNumber(summary.expired));
    const run = this.panel.querySelector('#canvass-run');
    run.textContent = t('canvass.run', canvass.caseNumber || '', canvass.runBy || '', formatTime(canvass.runAt));
    const snapshot = this.panel.querySelector('#canvass-snapshot');
    snapshot.href = `${this.panel.dataset.casesUrl}${canvass.caseId}/canvasses/${canvass.id}`;
    const csv = this.panel.querySelector('#canvass-csv');
    csv.href = `${this.panel.dataset.casesApi}/${canvass.caseId}/canvasses/${canvass.id}/csv`;
    this.panel.querySelector('#canvass-back').hidden = true;
    this.list.replaceChildren();
    (canvass.cameras || []).forEach((camera, index) => this.list.appendChild(this.row(camera, index)));
    this.list.hidden = !(canvass.cameras || []).length;
    this.panel.querySelector('#canvass-none').hidden = (canvass.cameras || []).length > 0;
    return this.list.children.length;
  }

  hide() {
    this.canvass = null;
    this.results.hidden = true;
    this.list.replaceChildren();
  }

  row(camera, index) {
    const availability = availabilityOf(camera);
    const item = element('li', `canvass-row availability-${availability}${camera.expired ? ' expired' : ''}`);
    item.dataset.cameraId = String(camera.cameraId);
    item.dataset.assetTag = camera.assetTag;
    item.dataset.availability = availability;
    item.tabIndex = 0;
    const head = element('div', 'canvass-row-head');
    head.append(element('span', 'canvass-ordinal', `${index + 1}.`), element('span', 'canvass-tag', camera.assetTag));
    if (camera.address) {
      head.appendChild(element('span', 'canvass-address muted', camera.address));
    }
    item.appendChild(head);
    item.appendChild(element('div', 'canvass-facts', factsOf(camera, this.canvass.kind)));
    const status = element('div', 'canvass-status');
    status.append(availabilityPart(camera), expiryPart(camera));
    item.appendChild(status);
    item.appendChild(this.requestPart(camera));
    const open = (event) => {
      if (event.target.closest('button, a, select, details, summary')) {
        return; // the row's own controls do their own thing
      }
      this.panel.querySelector('#canvass-back').hidden = false;
      this.list.querySelectorAll('.canvass-row.chosen').forEach((row) => row.classList.remove('chosen'));
      item.classList.add('chosen');
      this.handlers.show(camera);
    };
    item.addEventListener('click', open);
    item.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target === item) {
        open(event);
      }
    });
    return item;
  }

  back() {
    this.panel.querySelector('#canvass-back').hidden = true;
    this.list.querySelectorAll('.canvass-row.chosen').forEach((row) => row.classList.remove('chosen'));
    this.handlers.back();
  }

  /** The footage request of a row: request it, then the answer (delivered or not) and whether it was useful. */
  requestPart(camera) {
    const box = element('div', 'canvass-request');
    box.dataset.cameraId = String(camera.cameraId);
    this.drawRequest(box, camera, null);
    return box;
  }

  drawRequest(box, camera, request) {
    box.replaceChildren();
    const problem = element('p', 'canvass-request-error error');
    problem.hidden = true;
    const act = (label, className, call) => {
      const button = element('button', `secondary small ${className}`, label);
      button.type = 'button';
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          const answered = await call();
          this.requests.set(camera.cameraId, answered);
          this.drawRequest(box, camera, answered);
        } catch (error) {
          button.disabled = false;
          problem.textContent = error.problems && error.problems.length
            ? error.problems.map((p) => `${p.field}: ${p.message}`).join('; ')
            : t('canvass.error.failed', error.status ? `HTTP ${error.status}` : t('notice.offline'));
          problem.hidden = false;
        }
      });
      box.appendChild(button);
      return button;
    };
    const base = `${this.panel.dataset.casesApi}/${this.canvass.caseId}/footage-requests`;
    if (!request) {
      const priority = element('select', 'canvass-priority');
      priority.setAttribute('aria-label', t('canvass.priority'));
      PRIORITIES.forEach((p) => {
        const option = element('option', null, t(`canvass.priority.${p}`));
        option.value = p;
        priority.appendChild(option);
      });
      box.appendChild(priority);
      act(t('canvass.request'), 'request-footage', () => sendJson(base, {
        canvassId: this.canvass.id, cameraId: camera.cameraId, priority: priority.value,
      }));
    } else {
      box.dataset.requestId = String(request.id);
      box.dataset.state = request.state;
      const parts = [t(`canvass.request.${request.state}`)];
      if (request.dueAt && request.state === 'REQUESTED') {
        parts.push(t('canvass.due', formatTime(request.dueAt)));
      }
      if (request.late) {
        parts.push(t('canvass.late'));
      } else if (request.expiresSoon) {
        parts.push(t('canvass.expiresSoon'));
      }
      if (request.outcome) {
        box.dataset.outcome = request.outcome;
        parts.push(t(`canvass.outcome.${request.outcome}`));
      }
      box.appendChild(element('span', `request-state state-${request.state}`, parts.join(t('list.separator'))));
      if (request.state === 'REQUESTED') {
        act(t('canvass.answer.DELIVERED'), 'answer-delivered',
          () => sendJson(`${base}/${request.id}/answer`, { state: 'DELIVERED' }));
      } else if (request.state === 'DELIVERED' && !request.outcome) {
        act(t('canvass.outcome.USEFUL'), 'outcome-useful',
          () => sendJson(`${base}/${request.id}/outcome`, { outcome: 'USEFUL' }));
        act(t('canvass.outcome.NOT_USEFUL'), 'outcome-not-useful',
          () => sendJson(`${base}/${request.id}/outcome`, { outcome: 'NOT_USEFUL' }));
      }
    }
    box.appendChild(problem);
  }
}
