import { useEffect, useRef, useState } from 'react';
import { echarts, type ECharts } from './echarts';

/**
 * An ECharts instance bound to a div: created on mount, resized with its box, disposed on unmount. Returns the
 * ref for the div and the instance (null until mounted), so effects can set options once it exists.
 */
export function useEChart(): { ref: React.RefObject<HTMLDivElement | null>; chart: ECharts | null } {
  const ref = useRef<HTMLDivElement | null>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    setChart(instance);
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      setChart(null);
    };
  }, []);
  return { ref, chart };
}
