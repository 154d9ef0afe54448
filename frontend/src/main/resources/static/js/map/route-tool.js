// Drawing a route by clicks: each click adds a point, a double-click (or Finish) ends, Undo takes the last point
// back. At most MAX_POINTS points, as the route canvass accepts. While drawing, a double-click does not zoom.

export const MAX_POINTS = 500;

export class RouteTool {
  /** onChange(points, finished) is told after every change; points are [lon, lat] pairs. */
  constructor(L, map, onChange) {
    this.L = L;
    this.map = map;
    this.onChange = onChange;
    this.points = [];
    this.drawing = false;
    this.line = L.polyline([], {
      renderer: L.svg({ padding: 0.5 }), interactive: false, className: 'route-draft', color: '#6a1b9a', weight: 3,
    });
    this.vertices = L.layerGroup();
    this.onClick = (event) => this.add(event.latlng);
    this.onDoubleClick = () => this.finish();
  }

  start() {
    this.clear();
    this.drawing = true;
    this.line.addTo(this.map);
    this.vertices.addTo(this.map);
    this.zoomOnDoubleClick = this.map.doubleClickZoom.enabled();
    this.map.doubleClickZoom.disable();
    this.map.on('click', this.onClick);
    this.map.on('dblclick', this.onDoubleClick);
    this.map.getContainer().classList.add('picking');
    this.changed();
  }

  add(latLng) {
    if (!this.drawing || this.points.length >= MAX_POINTS) {
      return;
    }
    const last = this.points[this.points.length - 1];
    const point = [Number(latLng.lng.toFixed(6)), Number(latLng.lat.toFixed(6))];
    // the two clicks of a double-click both arrive as clicks: the second adds nothing
    if (last && last[0] === point[0] && last[1] === point[1]) {
      return;
    }
    this.points.push(point);
    this.vertices.addLayer(this.L.circleMarker(latLng, {
      renderer: this.line.options.renderer, radius: 3, interactive: false, className: 'route-vertex', color: '#6a1b9a',
      fillColor: '#ffffff', fillOpacity: 1, weight: 2,
    }));
    this.changed();
  }

  undo() {
    if (!this.points.length) {
      return;
    }
    this.points.pop();
    const layers = this.vertices.getLayers();
    this.vertices.removeLayer(layers[layers.length - 1]);
    this.changed();
  }

  /** Ends the drawing (the route stays shown until cleared). */
  finish() {
    if (!this.drawing) {
      return;
    }
    this.stopListening();
    this.changed();
  }

  stopListening() {
    this.drawing = false;
    this.map.off('click', this.onClick);
    this.map.off('dblclick', this.onDoubleClick);
    this.map.getContainer().classList.remove('picking');
    if (this.zoomOnDoubleClick) {
      this.map.doubleClickZoom.enable();
    }
  }

  clear() {
    const wasDrawing = this.drawing;
    if (wasDrawing) {
      this.stopListening();
    }
    this.points = [];
    this.line.setLatLngs([]);
    this.vertices.clearLayers();
    this.line.remove();
    this.vertices.remove();
    if (wasDrawing) {
      this.onChange([], true);
    }
  }

  changed() {
    this.line.setLatLngs(this.points.map(([lon, lat]) => [lat, lon]));
    this.onChange(this.points.slice(), !this.drawing);
  }
}
