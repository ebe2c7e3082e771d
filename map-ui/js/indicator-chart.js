// The monthly series of one indicator as a line chart (ECharts from its webjar), with the 2020 baseline and the
// 2025 target as reference lines, so a bureau sees how far the curve still is from the plan.
import { t, label } from './i18n.js';

let chart = null;

export function drawSeries(node, indicator, series) {
  if (!window.echarts) return;
  chart = chart || window.echarts.init(node, null, { renderer: 'svg' });
  const lines = [];
  if (indicator.target !== null && indicator.target !== undefined) {
    lines.push({ name: t('indicators.target'), yAxis: indicator.target, label: { formatter: t('indicators.targetLine', indicator.target) } });
  }
  if (indicator.baseline !== null && indicator.baseline !== undefined) {
    lines.push({ name: t('indicators.baseline'), yAxis: indicator.baseline, label: { formatter: t('indicators.baselineLine', indicator.baseline) } });
  }
  chart.setOption({
    animation: false,
    title: { text: label(indicator.name, indicator.id), textStyle: { fontSize: 13 }, left: 'center' },
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 72, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: series.points.map((p) => p.month) },
    yAxis: { type: 'value', name: indicator.unit, max: indicator.unit === '%' ? 100 : null },
    series: [{
      name: label(indicator.name, indicator.id), type: 'line', showSymbol: true, connectNulls: false,
      data: series.points.map((p) => (p.value === null ? null : Math.round(p.value * 10) / 10)),
      markLine: { symbol: 'none', lineStyle: { type: 'dashed' }, data: lines },
    }],
  }, true);
  chart.resize();
}
