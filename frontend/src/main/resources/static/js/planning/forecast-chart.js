// The forecast page's stacked bar chart: the backlog and each fiscal year as bars, one stacked series of cameras
// per group (the largest groups, the rest folded into "other"). The data is the server's, in data-chart.
// The tooltip is drawn by echarts itself (richText), not as HTML: the page's Content-Security-Policy allows no inline
// style attributes, and group labels come from people (a camera's make and model).
const element = document.getElementById('forecast-chart');

function plain(text) {
  return String(text).replace(/[{}|]/g, ' '); // richText markup characters
}

function number(n) {
  return n.toLocaleString('en-US');
}

if (element && window.echarts) {
  const chart = JSON.parse(element.dataset.chart);
  const plot = window.echarts.init(element, null, { renderer: 'canvas' });
  plot.setOption({
    animation: false,
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      axisPointer: { type: 'shadow' },
      formatter: (items) => {
        const index = items.length ? items[0].dataIndex : 0;
        const lines = items.filter((i) => i.value > 0).map((i) => `${plain(i.seriesName)}: ${number(i.value)}`);
        return [`${plain(chart.categories[index])}  NT$${number(chart.costs[index])}`, ...lines].join('\n');
      },
    },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 56, right: 16, top: 24, bottom: 64 },
    xAxis: { type: 'category', data: chart.categories },
    yAxis: { type: 'value', name: element.dataset.cameras },
    series: chart.series.map((s) => ({ name: s.name, type: 'bar', stack: 'cameras', data: s.data })),
  });
  window.addEventListener('resize', () => plot.resize());
}
