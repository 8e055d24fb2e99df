import { Skeleton } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

/** What a click on a chart element reports (echarts' event params, the fields we use). */
export interface ChartClick {
  seriesIndex?: number;
  seriesName?: string;
  dataIndex: number;
  name: string;
}

/**
 * One ECharts chart (bar, line, pie), echarts loaded on first use so pages without charts stay small.
 * `onClick` receives the clicked bar or slice: the cockpit opens the list behind it.
 */
export function EChart({
  option,
  height = 260,
  onClick,
  ariaLabel,
}: {
  option: EChartsCoreOption;
  height?: number;
  onClick?: (click: ChartClick) => void;
  ariaLabel: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const [isReady, setReady] = useState(false);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  useEffect(() => {
    let isCancelled = false;
    let dispose: (() => void) | undefined;
    void Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]).then(([core, charts, components, renderers]) => {
      if (isCancelled || !element.current) return;
      core.use([
        charts.BarChart,
        charts.PieChart,
        charts.LineChart,
        components.GridComponent,
        components.TooltipComponent,
        components.LegendComponent,
        renderers.CanvasRenderer,
      ]);
      const chart = core.init(element.current);
      chart.setOption(option);
      chart.on('click', (params) => clickRef.current?.(params as unknown as ChartClick));
      if (clickRef.current) chart.getZr().setCursorStyle('pointer');
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(element.current);
      dispose = () => {
        observer.disconnect();
        chart.dispose();
      };
      setReady(true);
    });
    return () => {
      isCancelled = true;
      dispose?.();
    };
  }, [option]);
  return (
    <div style={{ position: 'relative' }}>
      {!isReady && <Skeleton.Node active style={{ width: '100%', height }} />}
      <div ref={element} style={{ width: '100%', height }} role="img" aria-label={ariaLabel} />
    </div>
  );
}
