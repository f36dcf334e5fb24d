import { useLocation, useSearchParams } from 'react-router-dom';

/**
 * A record page's open tab, kept in the URL (`?tab=history`) so a reload, or coming back from a linked record,
 * shows the same tab. The first key is the default and stays out of the URL; the navigation state (where 返回
 * leads) is kept.
 */
export function useUrlTab<K extends string>(keys: readonly [K, ...K[]]): [K, (key: string) => void] {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const tab = keys.find((key) => key === params.get('tab')) ?? keys[0];
  function setTab(key: string) {
    const next = new URLSearchParams(params);
    if (key === keys[0]) next.delete('tab');
    else next.set('tab', key);
    setParams(next, { replace: true, state: location.state });
  }
  return [tab, setTab];
}
