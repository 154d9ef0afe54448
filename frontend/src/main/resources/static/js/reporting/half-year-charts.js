// The half-year report's three charts: availability per month beside the previous half year's, restored by vendors
// and in-house per precinct (stacked bars), cameras with plate recognition over time. Data from the page's JSON
// block (HalfYearReport.Charts); labels from each chart element's data attributes.
const source = document.getElementById('half-year-chart-data');
const charts = [];

function draw(id, option) {
  const element = document.getElementById(id);
  if (!element) {
    return;
  }
  const chart = window.echarts.init(element);
  chart.setOption(option);
  charts.push(chart);
}

function availability(data) {
  const element = document.getElementById('chart-availability');
  if (!element) {
    return;
  }
  const label = element.dataset;
  const current = data.availability.current;
  const previous = data.availability.previous;
  const values = [...current, ...previous].filter(v => v !== null).map(Number);
  const low = values.length ? Math.floor(Math.min(...values)) : 99;
  draw('chart-availability', {
    tooltip: { trigger: 'axis', valueFormatter: v => (v === null || v === undefined ? '—' : `${Number(v).toFixed(2)} %`) },
    legend: { data: [label.this, label.previous] },
    xAxis: { type: 'category', data: data.availability.months.map(m => label.month.replace('{0}', m)) },
    yAxis: { type: 'value', min: Math.min(low, 99), max: 100, axisLabel: { formatter: v => `${v} %` } },
    series: [
      { name: label.this, type: 'line', data: current },
      { name: label.previous, type: 'line', lineStyle: { type: 'dashed' }, data: previous }
    ]
  });
}

function restored(data) {
  const element = document.getElementById('chart-restored');
  if (!element) {
    return;
  }
  const label = element.dataset;
  const rows = data.restoredByPrecinct;
  draw('chart-restored', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: [label.vendors, label.inHouse] },
    grid: { bottom: 90 },
    xAxis: { type: 'category', axisLabel: { rotate: 45, interval: 0 },
      data: rows.map(r => (label.zh === 'true' ? r.nameZh : r.nameEn)) },
    yAxis: { type: 'value' },
    series: [
      { name: label.vendors, type: 'bar', stack: 'restored', data: rows.map(r => r.restoredByVendors) },
      { name: label.inHouse, type: 'bar', stack: 'restored', data: rows.map(r => r.restoredInHouse) }
    ]
  });
}

function lpr(data) {
  const element = document.getElementById('chart-lpr');
  if (!element) {
    return;
  }
  draw('chart-lpr', {
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: data.lprOverTime.map(m => m.month) },
    yAxis: { type: 'value', axisLabel: { formatter: v => v.toLocaleString() } },
    series: [{ name: element.dataset.label, type: 'line', areaStyle: {}, data: data.lprOverTime.map(m => m.count) }]
  });
}

if (source && window.echarts) {
  const data = JSON.parse(source.textContent);
  availability(data);
  restored(data);
  lpr(data);
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
}
