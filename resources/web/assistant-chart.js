// Draws one assistant answer as a bar or line chart. The app calls lakeshoreRender(spec) with
// {kind: "bar"|"line", labels: [...], series: [{name, values: [...]}], format: "currency"|"number"|"percent",
//  locale: "en-US", currency: "USD", colors: {text, grid, series: [...]}}; it returns true once drawn.
'use strict';

let current = null;

function formatter(spec) {
  const options = spec.format === 'currency'
    ? { style: 'currency', currency: spec.currency || 'USD', maximumFractionDigits: 0 }
    : spec.format === 'percent' ? { style: 'percent', maximumFractionDigits: 1 } : { maximumFractionDigits: 2 };
  const number = new Intl.NumberFormat(spec.locale || 'en-US', options);
  return (value) => (value === null || value === undefined ? '' : number.format(value));
}

function lakeshoreRender(spec) {
  if (current) {
    current.destroy();
    current = null;
  }
  const format = formatter(spec);
  const colors = spec.colors || {};
  const palette = colors.series || ['#2f6db5', '#d9822b', '#3a9b5c', '#a34fb4'];
  const canvas = document.getElementById('chart');
  current = new Chart(canvas, {
    type: spec.kind === 'line' ? 'line' : 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((series, index) => ({
        label: series.name,
        data: series.values,
        backgroundColor: palette[index % palette.length],
        borderColor: palette[index % palette.length],
        borderWidth: spec.kind === 'line' ? 2 : 0,
        pointRadius: spec.kind === 'line' ? 2 : 0,
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      indexAxis: spec.kind === 'bar' && spec.horizontal ? 'y' : 'x',
      plugins: {
        legend: { display: spec.series.length > 1, labels: { color: colors.text } },
        tooltip: { callbacks: { label: (item) => item.dataset.label + ': ' + format(item.parsed[spec.horizontal ? 'x' : 'y']) } },
      },
      scales: {
        // The value axis gets the number format; the category axis keeps Chart.js's own labels (an explicit
        // undefined callback would replace them with bare indices).
        x: { ticks: Object.assign({ color: colors.text, autoSkip: true, maxRotation: 45 }, spec.horizontal ? { callback: (value) => format(value) } : {}), grid: { color: colors.grid } },
        y: { ticks: Object.assign({ color: colors.text }, spec.horizontal ? {} : { callback: (value) => format(value) }), grid: { color: colors.grid } },
      },
    },
  });
  return true;
}
window.lakeshoreRender = lakeshoreRender;
