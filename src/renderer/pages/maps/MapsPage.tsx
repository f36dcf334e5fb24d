import { Alert, Spin, Tabs } from 'antd';
import { useUrlTab } from '../../components/useUrlTab';
import { useTownGeo } from '../../components/map/useTownGeo';
import { BoundarySetsPanel } from './BoundarySetsPanel';
import { MisplacedRecordsPanel } from './MisplacedRecordsPanel';
import { RiskMapView } from './RiskMapView';
import { NoBoundary, TownMapView } from './TownMapView';
import './maps.css';

const tabs = ['town', 'risk', 'boundaries', 'check'] as const;

/**
 * 地图: the town map with its layers, 安全风险空间分布图, the boundary sets (村界) and the coordinate check. All
 * drawn offline from the town's own boundary data; nothing is fetched from the internet.
 */
export function MapsPage() {
  const [tab, setTab] = useUrlTab(tabs);
  const town = useTownGeo();
  const map = (view: (geo: NonNullable<typeof town.geo>) => React.ReactNode) => {
    if (town.error) return <Alert type="error" showIcon title={`村界数据加载失败：${town.error}`} />;
    if (!town.boundary) return <Spin tip="正在加载村界…"><div style={{ height: 320 }} /></Spin>;
    return town.geo ? view(town.geo) : <NoBoundary />;
  };
  const source = town.boundary?.source === 'stored' ? `当前村界：${town.boundary.name}` : town.boundary?.source === 'bundled' ? '当前村界：程序自带示例村界' : undefined;
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      destroyOnHidden
      tabBarExtraContent={source && <span className="map-source">{source}</span>}
      items={[
        { key: 'town', label: '综合地图', children: map((geo) => <TownMapView geo={geo} />) },
        { key: 'risk', label: '风险分布图', children: map((geo) => <RiskMapView geo={geo} />) },
        { key: 'boundaries', label: '村界数据', children: <BoundarySetsPanel onChanged={town.reload} /> },
        { key: 'check', label: '坐标核查', children: <MisplacedRecordsPanel /> },
      ]}
    />
  );
}
