import { Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';

/** Grade distribution as a bar chart; echarts is loaded only when a ranking is shown. */
export function GradeChart({ distribution }: { distribution: Record<string, number> }) {
  const element = useRef<HTMLDivElement>(null);
  const [isReady, setReady] = useState(false);
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
        components.GridComponent,
        components.TooltipComponent,
        renderers.CanvasRenderer,
      ]);
      const chart = core.init(element.current);
      const grades = Object.keys(distribution);
      chart.setOption({
        grid: { left: 36, right: 12, top: 16, bottom: 28 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: grades },
        yAxis: { type: 'value', minInterval: 1, name: '个' },
        series: [
          {
            type: 'bar',
            data: grades.map((grade) => distribution[grade]),
            barMaxWidth: 48,
            label: { show: true, position: 'top' },
            itemStyle: { color: '#1677ff' },
          },
        ],
      });
      const resize = () => chart.resize();
      window.addEventListener('resize', resize);
      dispose = () => {
        window.removeEventListener('resize', resize);
        chart.dispose();
      };
      setReady(true);
    });
    return () => {
      isCancelled = true;
      dispose?.();
    };
  }, [distribution]);
  return (
    <div style={{ position: 'relative' }}>
      {!isReady && <Skeleton.Node active style={{ width: '100%', height: 200 }} />}
      <div ref={element} style={{ width: '100%', height: 200 }} role="img" aria-label="等次分布图" />
    </div>
  );
}
