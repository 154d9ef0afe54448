// The canvass form beside the map: the case (the caller's open cases), radius or corridor, the time window read
// in Taipei time, LPR only. It sends a point canvass or a route canvass and puts what the server refuses next to
// the field it names (the problem detail's errors: field and message).

import { getJson, sendJson } from './api.js';
import { t, formatTime } from './labels.js';

export const DEFAULT_RADIUS_M = 200;
export const MAX_RADIUS_M = 1000;
export const DEFAULT_HALF_WIDTH_M = 50;
export const MAX_HALF_WIDTH_M = 300;

/** The form's element for each field a refusal may name (the rest go to the form's own message). */
const FIELD_INPUTS = {
  caseId: 'cv-case', case: 'cv-case', caseNumber: 'cv-case',
  longitude: 'cv-point', latitude: 'cv-point', point: 'cv-point', twd97X: 'cv-point', twd97Y: 'cv-point', tag: 'cv-point',
  route: 'cv-route',
  radiusM: 'cv-radius', halfWidthM: 'cv-half-width',
  from: 'cv-from', to: 'cv-to', lprOnly: 'cv-lpr',
};

/** A datetime-local value read as Taipei time, as the instant the API takes (null when empty or not a time). */
export function taipeiTime(value) {
  if (!value) {
    return null;
  }
  const time = Date.parse(`${value.length === 16 ? `${value}:00` : value}+08:00`);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

/** An instant as a datetime-local value in Taipei time. */
export function localInput(iso) {
  const text = formatTime(iso);
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(text) ? text.replace(' ', 'T') : '';
}

function wholeNumber(value, min, max) {
  const n = Number(value);
  return String(value).trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

export class CanvassForm {
  constructor(panel) {
    this.panel = panel;
    this.form = panel.querySelector('#canvass-form');
    this.casesApi = panel.dataset.casesApi;
    this.kind = 'POINT';
    this.point = null;
    this.route = [];
    this.caseDetails = new Map();
  }

  get caseSelect() {
    return this.form.elements.caseId;
  }

  /** Fills the case select with the caller's open cases, the wanted one chosen; answers whether there is one. */
  async loadCases(wantedId) {
    const select = this.caseSelect;
    let cases = [];
    try {
      const answer = await getJson(`${this.casesApi}?state=OPEN`);
      cases = Array.isArray(answer) ? answer : (answer.content || answer.cases || []);
    } catch (error) {
      this.showProblems(error);
    }
    select.replaceChildren();
    cases.forEach((c) => {
      const option = document.createElement('option');
      option.value = String(c.id);
      option.textContent = c.title ? `${c.caseNumber} ${c.title}` : c.caseNumber;
      select.appendChild(option);
    });
    const wanted = cases.find((c) => Number(c.id) === Number(wantedId));
    if (wanted) {
      select.value = String(wanted.id);
    }
    const none = cases.length === 0;
    this.panel.querySelector('#cv-no-case').hidden = !none;
    select.closest('.canvass-field').hidden = none;
    this.form.querySelector('#cv-submit').disabled = none;
    if (!none) {
      await this.caseChosen();
    }
    return !none;
  }

  get caseId() {
    return this.caseSelect.value ? Number(this.caseSelect.value) : null;
  }

  /** A chosen case brings its incident window (unless a window was typed already). */
  async caseChosen() {
    const id = this.caseId;
    if (!id) {
      return null;
    }
    try {
      if (!this.caseDetails.has(id)) {
        this.caseDetails.set(id, await getJson(`${this.casesApi}/${id}`));
      }
      const chosen = this.caseDetails.get(id);
      if (this.caseId === id && !this.form.elements.from.dataset.typed) {
        this.form.elements.from.value = localInput(chosen.incidentFrom);
        this.form.elements.to.value = chosen.incidentTo && chosen.incidentTo !== chosen.incidentFrom
          ? localInput(chosen.incidentTo) : '';
      }
      return chosen;
    } catch (error) {
      return null; // the window is typed by hand
    }
  }

  /** Shows the form for a point canvass at a place. */
  forPoint(latLng) {
    this.kind = 'POINT';
    this.point = { longitude: Number(latLng.lng.toFixed(6)), latitude: Number(latLng.lat.toFixed(6)) };
    this.form.dataset.kind = 'POINT';
    this.panel.querySelector('#cv-point').textContent = t('canvass.at', this.point.latitude.toFixed(5),
      this.point.longitude.toFixed(5));
    this.clearProblems();
  }

  /** Shows the form for a route being drawn. */
  forRoute() {
    this.kind = 'ROUTE';
    this.point = null;
    this.route = [];
    this.form.dataset.kind = 'ROUTE';
    this.clearProblems();
  }

  routeChanged(points) {
    this.route = points;
  }

  /** The request as the form has it, or null (with the problems shown) when it cannot be sent. */
  request() {
    this.clearProblems();
    const elements = this.form.elements;
    const problems = [];
    if (!this.caseId) {
      problems.push({ field: 'caseId', message: t('canvass.error.case') });
    }
    const body = {
      from: taipeiTime(elements.from.value),
      to: taipeiTime(elements.to.value),
      lprOnly: elements.lprOnly.checked,
    };
    if (!body.from) {
      problems.push({ field: 'from', message: t('canvass.error.from') });
    }
    let path;
    if (this.kind === 'ROUTE') {
      path = 'routes';
      body.halfWidthM = wholeNumber(elements.halfWidthM.value, 1, MAX_HALF_WIDTH_M);
      if (body.halfWidthM == null) {
        problems.push({ field: 'halfWidthM', message: t('canvass.error.range', 1, MAX_HALF_WIDTH_M) });
      }
      body.route = this.route;
      if (this.route.length < 2) {
        problems.push({ field: 'route', message: t('canvass.error.route') });
      }
    } else {
      path = 'canvasses';
      body.radiusM = wholeNumber(elements.radiusM.value, 1, MAX_RADIUS_M);
      if (body.radiusM == null) {
        problems.push({ field: 'radiusM', message: t('canvass.error.range', 1, MAX_RADIUS_M) });
      }
      if (!this.point) {
        problems.push({ field: 'point', message: t('canvass.error.point') });
      } else {
        Object.assign(body, this.point);
      }
    }
    if (problems.length) {
      this.showFieldProblems(problems);
      return null;
    }
    return { url: `${this.casesApi}/${this.caseId}/${path}`, body };
  }

  /** Sends the canvass; answers the canvass JSON, or null when refused (the reasons shown in the form). */
  async send() {
    const request = this.request();
    if (!request) {
      return null;
    }
    try {
      return await sendJson(request.url, request.body);
    } catch (error) {
      this.showProblems(error);
      return null;
    }
  }

  clearProblems() {
    this.form.querySelectorAll('.canvass-field-error').forEach((element) => {
      element.textContent = '';
      element.hidden = true;
    });
    this.form.querySelectorAll('[aria-invalid]').forEach((element) => element.removeAttribute('aria-invalid'));
    const general = this.form.querySelector('#cv-error');
    general.textContent = '';
    general.hidden = true;
  }

  /** A failed request: its field errors next to their fields, anything else in the form's message. */
  showProblems(error) {
    if (error && error.problems && error.problems.length) {
      this.showFieldProblems(error.problems);
      return;
    }
    let key = 'canvass.error.failed';
    if (error && error.status === 403) {
      key = 'notice.forbidden';
    } else if (error && error.status === 404) {
      key = 'notice.notFound';
    } else if (error && error.sessionEnded) {
      key = 'notice.session';
    }
    this.showGeneral(t(key, error && error.status ? `HTTP ${error.status}` : t('notice.offline')),
      error && error.message);
  }

  showGeneral(text, detail) {
    const general = this.form.querySelector('#cv-error');
    general.textContent = detail && detail !== text ? `${text} (${detail})` : text;
    general.hidden = false;
  }

  showFieldProblems(problems) {
    const unplaced = [];
    problems.forEach(({ field, message }) => {
      const name = String(field).split(/[.[]/)[0];
      const input = FIELD_INPUTS[name] ? this.form.querySelector(`#${FIELD_INPUTS[name]}`) : null;
      const slot = input ? this.form.querySelector(`.canvass-field-error[data-for="${input.id}"]`) : null;
      if (!slot) {
        unplaced.push(`${field}: ${message}`);
        return;
      }
      if (input.matches('input, select')) {
        input.setAttribute('aria-invalid', 'true');
      }
      slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
      slot.dataset.field = field;
      slot.hidden = false;
    });
    if (unplaced.length) {
      this.showGeneral(unplaced.join('; '));
    }
  }
}
