// The print page's small map: the canvass circle or route and its cameras coloured by availability, no base tiles
// (a case file must print the same with or without a tile server).
const box = document.getElementById('print-map');
const data = JSON.parse(box.dataset.canvass);
const colours = { RECORDING: '#1a7f37', PARTLY: '#d4a017', DOWN: '#b00020', UNKNOWN: '#777777' };
const map = L.map(box, { zoomControl: false, attributionControl: false, preferCanvas: true });
const shapes = [];
if (data.point) {
  shapes.push(L.circle([data.point.latitude, data.point.longitude], { radius: data.radiusM, color: '#0055aa', fill: false }).addTo(map));
  L.circleMarker([data.point.latitude, data.point.longitude], { radius: 4, color: '#000' }).addTo(map);
}
if (data.route) {
  shapes.push(L.polyline(data.route.map(([lon, lat]) => [lat, lon]), { color: '#0055aa', weight: 3 }).addTo(map));
}
data.cameras.forEach((c, i) => {
  L.circleMarker([c.latitude, c.longitude], { radius: 5, color: colours[c.availability] || '#777', fillOpacity: 0.9 })
    .bindTooltip(String(i + 1), { permanent: true, direction: 'right', className: 'print-label' }).addTo(map);
});
const bounds = L.featureGroup(shapes).getBounds();
map.fitBounds(bounds.isValid() ? bounds.pad(0.1) : L.latLngBounds([[22.6, 120.3], [22.61, 120.31]]));
document.getElementById('print-now')?.addEventListener('click', () => window.print());
