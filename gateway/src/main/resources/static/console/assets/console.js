// Dijkwacht console: the few scripts the pages use. No inline scripts anywhere (the CSP forbids them).
(function () {
  'use strict';

  // htmx requests carry the CSRF token, like every form does.
  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Charts: every element with data-chart names a <script type="application/json"> with its data. The same figures
  // stand in a table beside each chart, so the chart is an aid, never the only way to read them.
  function drawCharts() {
    if (typeof window.echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var source = document.getElementById(el.getAttribute('data-chart'));
      if (!source) {
        return;
      }
      var data = JSON.parse(source.textContent);
      var chart = window.echarts.init(el, null, { renderer: 'canvas' });
      var stacked = data.kind !== 'line';
      chart.setOption({
        aria: { enabled: true, label: { description: el.getAttribute('aria-label') || '' } },
        animation: false,
        color: ['#0a4a72', '#b35c00', '#1d6b34', '#7b2d8b', '#a4161a', '#006d77', '#5c5c5c', '#8a6d00'],
        tooltip: { trigger: 'axis', renderMode: 'richText' },
        legend: { type: 'scroll', top: 0 },
        grid: { left: 56, right: 16, top: 40, bottom: 48 },
        xAxis: { type: 'category', data: data.buckets, axisLabel: { hideOverlap: true } },
        yAxis: { type: 'value', name: data.unit || '' },
        series: data.series.map(function (s) {
          return { name: s.name, type: stacked ? 'bar' : 'line', stack: stacked ? 'total' : undefined, data: s.values };
        })
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  document.addEventListener('DOMContentLoaded', drawCharts);
})();
