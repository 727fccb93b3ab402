// Charts of the overview (统计看板), Apache ECharts drawn as SVG; only the parts used are bundled,
// and the module is loaded when the overview first opens, not with the map.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

// One bar height, in CSS pixels, so a chart's height follows its rows.
const ROW_HEIGHT = 22;

// A horizontal bar chart of categories (the rows' labels), one series or several stacked.
// rows: [{ label, tip }]; series: [{ name, color, values: [number per row], text: (i) => label }].
// Clicking a bar or a row's label calls onPick(rowIndex, seriesIndex or null); returns a function
// that disposes of the chart.
export function barChart(container, rows, series, { onPick, legend = series.length > 1 } = {}) {
  const labelled = series[series.length - 1];
  // Room right of the longest bar for its label, so no label is cut at the chart's edge.
  const labelRoom = Math.max(...rows.map((_, i) => textWidth(labelled.text(i)))) + 8;
  // The legend wraps onto as many lines as the names need; the bars start below it, and the
  // chart is as tall as its rows.
  const legendLines = legend ? legendLinesFor(series, container.clientWidth) : 0;
  const top = legendLines ? legendLines * 20 + 6 : 4;
  container.style.height = `${Math.max(rows.length, 1) * ROW_HEIGHT + top + 6}px`;
  const chart = echarts.init(container, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    legend: legend ? { top: 0, itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 11 } } : { show: false },
    grid: { left: 4, right: labelRoom, top, bottom: 4, containLabel: true },
    // The tooltip is HTML: names typed by people (zones, crews, projects) go in escaped.
    tooltip: {
      trigger: 'item',
      formatter: (item) => echarts.format.encodeHTML(rows[item.dataIndex].tip(item.seriesIndex)),
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: {
      type: 'category',
      inverse: true,
      triggerEvent: true,
      data: rows.map((r) => r.label),
      axisLabel: { width: 110, overflow: 'truncate', cursor: 'pointer' },
    },
    series: series.map((s, index) => ({
      type: 'bar',
      name: s.name,
      stack: series.length > 1 ? 'all' : undefined,
      data: s.values,
      itemStyle: { color: s.color },
      cursor: 'pointer',
      label: {
        show: index === series.length - 1,
        position: 'right',
        formatter: (item) => s.text(item.dataIndex),
      },
    })),
  });
  chart.on('click', (event) => {
    if (event.componentType === 'series') onPick?.(event.dataIndex, event.seriesIndex);
    else if (event.componentType === 'yAxis')
      onPick?.(
        rows.findIndex((r) => r.label === event.value),
        null,
      );
  });
  return () => chart.dispose();
}

// How many lines the legend's entries (a 10 px mark, a gap and the name each) take in this width.
function legendLinesFor(series, width) {
  let lines = 1;
  let used = 0;
  for (const s of series) {
    const item = 10 + 5 + textWidth(s.name) + 10;
    if (used && used + item > width - 8) {
      lines += 1;
      used = 0;
    }
    used += item;
  }
  return lines;
}

// Roughly how wide a label is drawn at 12 px: CJK characters are square, Latin ones about half.
function textWidth(text) {
  return [...String(text)].reduce((width, c) => width + (c.charCodeAt(0) > 0x2e80 ? 12 : 7), 0);
}
