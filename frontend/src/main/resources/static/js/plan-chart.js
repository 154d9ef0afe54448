// A plan's years as a chart: budget and cost as bars (NT$, left axis), the backlog with and without the cap as
// lines (cameras, right axis). Data from the page's JSON block; labels from the chart element's data attributes.
const element = document.getElementById('plan-chart');
const source = document.getElementById('plan-chart-data');
if (element && source && window.echarts) {
  const years = JSON.parse(source.textContent);
  const label = element.dataset;
  const chart = window.echarts.init(element);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: [label.budget, label.cost, label.capped, label.uncapped] },
    xAxis: { type: 'category', data: years.map(y => `${y.fiscalYear} (${label.roc}${y.rocYear})`) },
    yAxis: [
      { type: 'value', name: 'NT$', axisLabel: { formatter: v => v.toLocaleString() } },
      { type: 'value', name: '#', position: 'right' }
    ],
    series: [
      { name: label.budget, type: 'bar', data: years.map(y => y.budgetNtd) },
      { name: label.cost, type: 'bar', data: years.map(y => y.costNtd) },
      { name: label.capped, type: 'line', yAxisIndex: 1, data: years.map(y => y.backlogCapped) },
      { name: label.uncapped, type: 'line', yAxisIndex: 1, data: years.map(y => y.backlogUncapped) }
    ]
  });
  window.addEventListener('resize', () => chart.resize());
}
