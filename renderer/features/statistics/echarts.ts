import * as echarts from 'echarts/core';
import { BarChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { KZ_MAP } from './charts';

// Only the parts of ECharts the view draws, with the SVG renderer: an SVG export is then
// the chart itself, not a picture of it.
echarts.use([BarChart, MapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);
// The map travels inside the bundle as text (Vite knows no .geojson), read once here.
const geo = import.meta.glob<string>('../../../assets/geo/kz-regions.geojson', { query: '?raw', import: 'default', eager: true });
echarts.registerMap(KZ_MAP, JSON.parse(Object.values(geo)[0]!) as Parameters<typeof echarts.registerMap>[1]);

export { echarts };
