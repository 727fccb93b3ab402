// Charts of the half-year report (Apache ECharts, SVG so they print sharp): one bar chart per
// section whose figures share a unit. Only the parts of ECharts used here are bundled.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

// The figures each chart shows: counts only, so one axis fits them.
const CHARTED = {
  land: (f) => f.key.endsWith('.count'),
  park: (f) => f.unit === '个',
  safety: () => true,
  houses: () => true,
  business: (f) => f.unit !== 'm2',
};

// Draws the chart of a section into container; returns a function that disposes of it, or null
// when the section has no chart. Clicking a bar fires onFigure(figure).
export function mountSectionChart(container, section, onFigure) {
  const pick = CHARTED[section.key];
  if (!pick) return null;
  const figures = section.figures.filter(pick);
  const chart = echarts.init(container, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: figures.map((f) => f.label) },
    series: [{ type: 'bar', data: figures.map((f) => Number(f.value)), itemStyle: { color: '#2f6f9f' } }],
  });
  chart.on('click', (event) => onFigure(figures[event.dataIndex]));
  return () => chart.dispose();
}
