import { BarChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * The parts of ECharts the pages draw with, registered on first use. Imported only through
 * `import('./echarts-setup.js')` (echart.tsx): the library is its own chunk, loaded by the first
 * page that draws a chart. SVG: crisp when printed, and every bar is an element of the page.
 * A function, not a top-level call: this package declares its modules free of side effects, and
 * the bundler drops a bare `echarts.use(...)` (and every chart with it).
 */
let registered = false;
export function setUpECharts(): typeof echarts {
  if (!registered) {
    echarts.use([
      BarChart,
      LineChart,
      GridComponent,
      LegendComponent,
      TooltipComponent,
      DataZoomComponent,
      SVGRenderer,
    ]);
    registered = true;
  }
  return echarts;
}
