import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { MapLayers } from '../../../shared/api/maps';
import { riskLevelLabels } from '../../../shared/domain/enterprise';
import { RiskTag } from '../enterprises/display';
import { mapLayerLabels, type MapLayerKey } from './layerSeries';

/** A clicked point: its layer and the row's index in that layer. */
export interface MapSelection {
  layer: MapLayerKey;
  index: number;
}

interface Detail {
  title: string;
  link: string;
  linkLabel: string;
  facts: { label: string; value: React.ReactNode }[];
}

function coordinates(lng: number, lat: number): string {
  return `${lng.toFixed(6)}, ${lat.toFixed(6)}`;
}

/** The key facts of a selected point, and where its record lives. */
export function detailOf(layers: MapLayers, selection: MapSelection, villageName: (id: number) => string): Detail | null {
  switch (selection.layer) {
    case 'enterprises': {
      const row = layers.enterprises[selection.index];
      if (!row) return null;
      const [id, lng, lat, name, villageId, industry, risk, key, status] = row;
      return {
        title: name,
        link: `/enterprises/${id}`,
        linkLabel: '打开企业档案',
        facts: [
          { label: '风险等级', value: <RiskTag level={risk} /> },
          { label: '重点监管', value: key ? <Tag color="red">是</Tag> : '否' },
          { label: '行业', value: industry },
          { label: '状态', value: status },
          { label: '村/社区', value: villageName(villageId) },
          { label: '经纬度', value: coordinates(lng, lat) },
        ],
      };
    }
    case 'tanks': {
      const row = layers.tanks[selection.index];
      if (!row) return null;
      const [id, lng, lat, code, category, status, owner, villageId] = row;
      return {
        title: `储罐 ${code}`,
        link: `/tanks/${id}`,
        linkLabel: '打开储罐档案',
        facts: [
          { label: '类别', value: category },
          { label: '状态', value: status },
          { label: '所属单位', value: owner },
          { label: '村/社区', value: villageName(villageId) },
          { label: '经纬度', value: coordinates(lng, lat) },
        ],
      };
    }
    case 'idleSites': {
      const row = layers.idleSites[selection.index];
      if (!row) return null;
      const [id, lng, lat, name, villageId, finding, disposal] = row;
      return {
        title: name,
        link: `/idle-sites/${id}`,
        linkLabel: '打开场所档案',
        facts: [
          { label: '排查结果', value: finding },
          { label: '处置情况', value: disposal },
          { label: '村/社区', value: villageName(villageId) },
          { label: '经纬度', value: coordinates(lng, lat) },
        ],
      };
    }
    case 'works': {
      const row = layers.works[selection.index];
      if (!row) return null;
      const [id, , , number, kind, enterprise, status, flagged, villageId] = row;
      return {
        title: `${kind}作业 ${number}`,
        link: `/filings/${id}`,
        linkLabel: '打开报备单',
        facts: [
          { label: '报备企业', value: enterprise },
          { label: '状态', value: flagged ? <Tag color="red">{status}（异常）</Tag> : status },
          { label: '村/社区', value: villageName(villageId) },
        ],
      };
    }
    case 'hazards': {
      const row = layers.hazards[selection.index];
      if (!row) return null;
      const [id, , , number, level, status, overdue, target, villageId, description] = row;
      return {
        title: `隐患 ${number}`,
        link: `/hazards/${id}`,
        linkLabel: '打开隐患记录',
        facts: [
          { label: '隐患级别', value: level === '重大' ? <Tag color="red">重大</Tag> : '一般' },
          { label: '状态', value: overdue ? <Tag color="red">{status}（逾期）</Tag> : status },
          { label: '所属单位', value: target },
          { label: '村/社区', value: villageName(villageId) },
          { label: '隐患描述', value: description },
        ],
      };
    }
  }
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Tooltips are HTML; record names are the user's text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEscapes[char]);
}

/** The hover text of a point, lines of the user's text escaped (the side panel has the rest). */
export function tooltipOf(layers: MapLayers, selection: MapSelection): string {
  const lines = tooltipLines(layers, selection);
  return lines.map(escapeHtml).join('<br/>');
}

function tooltipLines(layers: MapLayers, selection: MapSelection): string[] {
  switch (selection.layer) {
    case 'enterprises': {
      const row = layers.enterprises[selection.index];
      return row ? [row[3], `${riskLevelLabels[row[6]]}${row[7] ? '\u3000重点监管' : ''}`, `${row[5]}\u3000${row[8]}`] : [];
    }
    case 'tanks': {
      const row = layers.tanks[selection.index];
      return row ? [`储罐 ${row[3]}（${row[5]}）`, row[6], row[4]] : [];
    }
    case 'idleSites': {
      const row = layers.idleSites[selection.index];
      return row ? [row[3], `${row[5]}\u3000${row[6]}`] : [];
    }
    case 'works': {
      const row = layers.works[selection.index];
      return row ? [`${row[4]}作业 ${row[3]}`, row[5], `${row[6]}${row[7] ? '（异常）' : ''}`] : [];
    }
    case 'hazards': {
      const row = layers.hazards[selection.index];
      return row ? [`${row[4]}隐患 ${row[3]}${row[6] ? '（逾期）' : ''}`, row[7], row[5]] : [];
    }
  }
}

export function MapDetailPanel({ layers, selection, villageName, onClose }: { layers: MapLayers; selection: MapSelection; villageName: (id: number) => string; onClose: () => void }) {
  const detail = detailOf(layers, selection, villageName);
  if (!detail) return null;
  return (
    <Card
      size="small"
      className="map-detail-panel"
      title={
        <span>
          <Tag>{mapLayerLabels[selection.layer]}</Tag>
          {detail.title}
        </span>
      }
      extra={<Button type="text" size="small" icon={<CloseOutlined />} aria-label="关闭" onClick={onClose} />}
    >
      <Descriptions size="small" column={1} items={detail.facts.map((fact) => ({ key: fact.label, label: fact.label, children: fact.value }))} />
      <Link to={detail.link}>
        <Button type="primary" block style={{ marginTop: 8 }}>
          {detail.linkLabel}
        </Button>
      </Link>
    </Card>
  );
}
