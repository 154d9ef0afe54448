// The investigator's canvass and route tools on the map (the page renders #canvass-panel only for those who may
// run canvasses). "Canvass here" from a right-click, or the toolbar's button and then a click, sets the incident
// point; the route button draws a path by clicks. The answer is drawn on the map (canvass-layer.js) and listed
// beside it (canvass-panel.js). The time from the run button to the list and shapes drawn is kept in the page's
// data-canvass-ms, for the developer tools and the page-time measurement of the browser test.

import { t } from './labels.js';
import { CanvassForm } from './canvass-form.js';
import { CanvassLayer } from './canvass-layer.js';
import { CanvassPanel, canvassPopup } from './canvass-panel.js';
import { RouteTool, MAX_POINTS } from './route-tool.js';

function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/**
 * Starts the tools. options: L, map, page (the #map-page element), caseId (from the address), rememberCase(id)
 * keeps the chosen case in the address.
 */
export function startCanvassTool({ L, map, page, caseId, rememberCase }) {
  const panel = document.getElementById('canvass-panel');
  const form = new CanvassForm(panel);
  const layer = new CanvassLayer(L, map);
  const popup = L.popup({ maxWidth: 320, autoPanPadding: [20, 20] });
  const cameraUrl = page.dataset.cameraUrl;
  let picking = false;
  let shown = null;

  function openPopup(camera) {
    popup.setLatLng([camera.latitude, camera.longitude]).setContent(canvassPopup(camera, shown.kind, cameraUrl))
      .openOn(map);
    page.dataset.canvassCamera = String(camera.cameraId);
  }

  const results = new CanvassPanel(panel, {
    show(camera) {
      map.setView([camera.latitude, camera.longitude], Math.max(map.getZoom(), 18), { animate: false });
      openPopup(camera);
    },
    back() {
      map.closePopup(popup);
      layer.showAll();
      delete page.dataset.canvassCamera;
    },
  });

  const route = new RouteTool(L, map, (points, finished) => {
    form.routeChanged(points);
    if (finished && page.dataset.tool === 'route') {
      using(null);
    }
    panel.querySelector('#cv-route-count').textContent = t('canvass.route.points', points.length, MAX_POINTS);
    panel.querySelector('#cv-route-undo').disabled = points.length === 0;
    panel.querySelector('#cv-route-finish').disabled = finished;
    page.dataset.routePoints = String(points.length);
  });

  function openPanel() {
    if (panel.hidden) {
      panel.hidden = false;
      map.invalidateSize();
    }
  }

  /** Which tool takes the map's clicks now (the map's own popups then stay shut), or none. */
  function using(tool) {
    if (tool) {
      page.dataset.tool = tool;
    } else {
      delete page.dataset.tool;
    }
  }

  function stopPicking() {
    picking = false;
    if (page.dataset.tool === 'point') {
      using(null);
    }
    map.getContainer().classList.remove('picking');
    panel.querySelector('#cv-hint').hidden = true;
  }

  function pointChosen(latLng) {
    stopPicking();
    route.clear();
    form.forPoint(latLng);
    openPanel();
    panel.querySelector('#cv-radius').focus({ preventScroll: true });
  }

  function startPicking() {
    route.clear();
    openPanel();
    picking = true;
    using('point');
    map.getContainer().classList.add('picking');
    const hint = panel.querySelector('#cv-hint');
    hint.textContent = t('canvass.pick');
    hint.hidden = false;
  }

  function startRoute() {
    stopPicking();
    form.forRoute();
    openPanel();
    const hint = panel.querySelector('#cv-hint');
    hint.textContent = t('canvass.route.pick');
    hint.hidden = false;
    using('route');
    route.start();
  }

  function close() {
    stopPicking();
    route.clear();
    layer.clear();
    results.hide();
    map.closePopup(popup);
    panel.hidden = true;
    map.invalidateSize();
  }

  map.on('click', (event) => {
    if (picking) {
      pointChosen(event.latlng);
    }
  });

  // right-click: a small menu at the place with "canvass here"
  map.on('contextmenu', (event) => {
    const box = document.createElement('div');
    box.className = 'canvass-menu';
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'canvass-here';
    button.className = 'secondary';
    button.textContent = t('canvass.here');
    button.addEventListener('click', () => {
      map.closePopup();
      pointChosen(event.latlng);
    });
    box.appendChild(button);
    L.popup({ closeButton: false, className: 'canvass-menu-popup' }).setLatLng(event.latlng).setContent(box).openOn(map);
  });

  // the toolbar: canvass (then a click) and route
  const toolbar = L.control({ position: 'topleft' });
  toolbar.onAdd = () => {
    const bar = L.DomUtil.create('div', 'leaflet-bar canvass-toolbar');
    [['canvass-button', 'canvass.button', startPicking], ['route-button', 'canvass.route.button', startRoute]]
      .forEach(([id, key, action]) => {
        const button = L.DomUtil.create('button', 'canvass-tool-button', bar);
        button.type = 'button';
        button.id = id;
        button.textContent = t(key);
        button.title = t(`${key}.title`);
        button.addEventListener('click', action);
      });
    L.DomEvent.disableClickPropagation(bar);
    return bar;
  };
  toolbar.addTo(map);

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && picking) {
      stopPicking();
    }
  });

  panel.querySelector('#cv-route-undo').addEventListener('click', () => route.undo());
  panel.querySelector('#cv-route-finish').addEventListener('click', () => route.finish());
  panel.querySelector('#canvass-close').addEventListener('click', close);
  form.form.elements.caseId.addEventListener('change', () => {
    rememberCase(form.caseId);
    form.caseChosen();
  });
  ['from', 'to'].forEach((name) => form.form.elements[name].addEventListener('input', () => {
    form.form.elements.from.dataset.typed = 'true';
  }));

  form.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const started = performance.now();
    route.finish();
    page.dataset.canvassState = 'running';
    delete page.dataset.canvassMs;
    const submit = panel.querySelector('#cv-submit');
    submit.disabled = true;
    try {
      const canvass = await form.send();
      if (!canvass) {
        page.dataset.canvassState = 'refused';
        return;
      }
      route.clear();
      stopPicking();
      shown = canvass;
      map.closePopup();
      layer.draw(canvass, openPopup);
      results.show(canvass);
      layer.showAll();
      await nextFrame();
      page.dataset.canvassMs = String(Math.round(performance.now() - started));
      page.dataset.canvassId = String(canvass.id);
      page.dataset.canvassState = 'drawn';
    } finally {
      submit.disabled = false;
    }
  });

  form.loadCases(caseId).then(() => {
    panel.dataset.casesLoaded = 'true';
  });
}
