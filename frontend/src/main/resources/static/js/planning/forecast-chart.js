// The forecast page's stacked bar chart: the backlog and each fiscal year as bars, one stacked series of cameras
// per group (the largest groups, the rest folded into "other"). The data is the server's, in data-chart.
const element = document.getElementById('forecast-chart');

function money(n) {
  return 'NT$' + n.toLocaleString('en-US');
}

if (element && window.echarts) {
  const chart = JSON.parse(element.dataset.chart);
  const cameras = element.dataset.cameras;
  const plot = window.echarts.init(element, null, { renderer: 'canvas' });
  plot.setOption({
    animation: false,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items) => {
        const index = items.length ? items[0].dataIndex : 0;
        const lines = items.filter((i) => i.value > 0).map((i) => `${i.marker}${i.seriesName}: ${i.value.toLocaleString('en-US')}`);
        return [`<strong>${chart.categories[index]}</strong> ${money(chart.costs[index])}`, ...lines].join('<br>');
      },
    },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 56, right: 16, top: 24, bottom: 64 },
    xAxis: { type: 'category', data: chart.categories },
    yAxis: { type: 'value', name: cameras },
    series: chart.series.map((s) => ({ name: s.name, type: 'bar', stack: 'cameras', data: s.data })),
  });
  window.addEventListener('resize', () => plot.resize());
}
