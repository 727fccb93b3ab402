// Charts of the overview (统计看板), Apache ECharts drawn as SVG; only the parts used are bundled,
// and the module is loaded when the overview first opens, not with the map.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

// A horizontal bar chart of { label, value, text } rows (text: the bar's label, e.g. with 亩);
// returns a function that disposes of it.
export function barChart(container, rows, { color = '#2f6f9f' } = {}) {
  const chart = echarts.init(container, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    grid: { left: 4, right: 56, top: 4, bottom: 4, containLabel: true },
    tooltip: { trigger: 'item', formatter: (item) => rows[item.dataIndex].text },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => r.value),
        itemStyle: { color },
        label: { show: true, position: 'right', formatter: (item) => String(rows[item.dataIndex].value) },
      },
    ],
  });
  return () => chart.dispose();
}
