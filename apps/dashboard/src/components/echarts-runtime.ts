import { BarChart, CustomChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  AxisPointerComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * ECharts with only what the screens draw (line, bar, heatmap, the custom status timeline, and
 * their axes, tooltips, legends and visual map): about half the bytes of the full build. A chart
 * type or component used by a new screen must be added here.
 */
echarts.use([
  LineChart,
  BarChart,
  HeatmapChart,
  CustomChart,
  GridComponent,
  TooltipComponent,
  AxisPointerComponent,
  LegendComponent,
  TitleComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };
