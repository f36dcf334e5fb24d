import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Space, Spin, Tabs, Tag, Timeline, Typography, type DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { IdleSite } from '../../../shared/api/idleSites';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { loadedRecord } from '../../components/recordPlaceholder';
import { useUrlTab } from '../../components/useUrlTab';
import { RelatedHazards } from '../hazards/RelatedHazards';
import { IdleSiteTanks } from '../tanks/OwnerTanks';
import { AttachmentsPanel } from '../../components/AttachmentsPanel';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { AuditHistory, defaultFormatValue } from '../../components/AuditHistory';
import { DisposalTag, FindingTag, personWithPhone } from './display';
import { idleSiteFieldLabels, idleSiteHiddenAuditFields } from './fieldLabels';
import { IdleSiteFormModal } from './IdleSiteForm';
import { InspectionFormModal } from './InspectionForm';
import { lastListSearchKey } from './IdleSiteList';
import { useDeleteIdleSite } from './useDeleteIdleSite';

const tabKeys = ['basic', 'inspections', 'hazards', 'tanks', 'attachments', 'history'] as const;

/** One 四闲场所: header facts, then tabs for its details, inspections over time, tanks, photos and changes. */
export function IdleSiteDetail() {
  const id = Number(useParams().id);
  const validId = Number.isInteger(id) && id > 0;
  const site = useApiQuery('idleSites.get', validId ? { id } : null);
  const location = useLocation();
  const navigate = useNavigate();
  const can = useCan();
  const canWrite = can('idleSites.update');
  const deleteSite = useDeleteIdleSite();
  const [editing, setEditing] = useState(false);

  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch ?? sessionStorage.getItem(lastListSearchKey) ?? '';
  const backTo = `/idle-sites${listSearch ? `?${listSearch}` : ''}`;
  const [tab, setTab] = useUrlTab(tabKeys);

  const backLink = (
    <Link to={backTo}>
      <ArrowLeftOutlined /> 返回四闲场所列表
    </Link>
  );

  const loaded = loadedRecord(site, id, { notFound: '未找到该四闲场所', invalidId: '地址中的场所编号无效', backLink });
  if (!loaded.data) return loaded.placeholder;
  const data = loaded.data;

  async function remove(target: IdleSite) {
    if (await deleteSite(target)) navigate(backTo);
  }

  const keyFacts: DescriptionsProps['items'] = [
    { key: 'village', label: '所属村/社区', children: data.villageName },
    { key: 'address', label: '地址', children: data.address ?? '—' },
    { key: 'owner', label: '户主/产权人', children: personWithPhone(data.ownerName, data.ownerPhone) },
    { key: 'use', label: '现用途', children: data.currentUse ?? '—' },
    { key: 'found', label: '排查日期', children: data.foundOn },
    { key: 'disposed', label: '处置日期', children: data.disposedOn ?? '—' },
    {
      key: 'inspected',
      label: '最近排查',
      children: data.lastInspectedOn ? `${data.lastInspectedOn}（共 ${data.inspectionCount} 次）` : '暂无排查记录',
    },
    { key: 'grid', label: '网格员', children: data.gridWorkerName ?? '未指定' },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {backLink}
      <Card variant="borderless" className="idle-site-header">
        <div className="idle-site-header-top">
          <div style={{ minWidth: 0 }}>
            <Space size={8} wrap align="center">
              <Typography.Title level={4} style={{ margin: 0 }}>
                {data.name}
              </Typography.Title>
              <Tag style={{ marginInlineEnd: 0 }}>{data.kind}</Tag>
              <FindingTag finding={data.finding} />
              <DisposalTag disposal={data.disposal} />
              {data.sealed && <Tag color="magenta">已贴封条</Tag>}
              {data.sampled && <Tag color="blue">已抽样化验</Tag>}
              {data.tankCount > 0 && <Tag color="geekblue">储罐 {data.tankCount} 个</Tag>}
            </Space>
          </div>
          {canWrite && (
            <Space>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
              <ConfirmDeleteButton title={`删除「${data.name}」？`} description="删除后可在回收站恢复。" onConfirm={() => remove(data)} />
            </Space>
          )}
        </div>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={keyFacts} style={{ marginTop: 16 }} />
      </Card>
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'basic', label: '基本信息', children: <BasicInfo site={data} /> },
            {
              key: 'inspections',
              label: `排查记录（${data.inspectionCount}）`,
              // Keyed by the site's version so a saved inspection (which updates the site) reloads the list.
              children: <Inspections key={data.updatedAt} site={data} canWrite={canWrite} onAdded={site.reload} />,
            },
            { key: 'hazards', label: '隐患与检查', children: <RelatedHazards idleSiteId={data.id} name={data.name} /> },
            {
              key: 'tanks',
              label: '储罐',
              children: <IdleSiteTanks site={data} onChanged={site.reload} />,
            },
            { key: 'attachments', label: '照片与附件', children: <AttachmentsPanel entity="idleSite" entityId={data.id} /> },
            {
              key: 'history',
              label: '变更记录',
              children: (
                // Remounted after every save so the new entry shows without a manual refresh.
                <AuditHistory
                  key={data.updatedAt}
                  entity="idleSite"
                  entityId={data.id}
                  labels={idleSiteFieldLabels}
                  hiddenFields={idleSiteHiddenAuditFields}
                  formatValue={formatIdleSiteValue}
                />
              ),
            },
          ]}
        />
      </Card>
      <IdleSiteFormModal open={editing} site={data} onClose={() => setEditing(false)} onSaved={() => site.reload()} />
    </Space>
  );
}

function formatIdleSiteValue(field: string, value: unknown): ReactNode {
  if ((field === 'longitude' || field === 'latitude') && typeof value === 'number') return value.toFixed(6);
  return defaultFormatValue(field, value);
}

function BasicInfo({ site: s }: { site: IdleSite }) {
  const text = (value: string | null) => value ?? '—';
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '场所名称', children: s.name, span: 2 },
    { key: 'kind', label: '场所类型', children: s.kind },
    { key: 'address', label: '地址', children: text(s.address), span: 2 },
    { key: 'village', label: '所属村/社区', children: s.villageName },
    { key: 'owner', label: '户主/产权人', children: text(s.ownerName) },
    { key: 'phone', label: '联系电话', children: text(s.ownerPhone) },
    { key: 'use', label: '现用途', children: text(s.currentUse) },
    { key: 'found', label: '排查日期', children: s.foundOn },
    { key: 'finding', label: '排查发现', children: <FindingTag finding={s.finding} /> },
    { key: 'disposal', label: '处置情况', children: <DisposalTag disposal={s.disposal} /> },
    { key: 'disposed', label: '处置日期', children: text(s.disposedOn) },
    { key: 'sealed', label: '已贴封条', children: s.sealed ? '是' : '否' },
    { key: 'sampled', label: '已抽样化验', children: s.sampled ? '是' : '否' },
    { key: 'grid', label: '网格员', children: text(s.gridWorkerName) },
    {
      key: 'location',
      label: '经纬度',
      children: s.longitude === null || s.latitude === null ? '—' : `${s.longitude.toFixed(6)}, ${s.latitude.toFixed(6)}`,
    },
    { key: 'created', label: '登记时间', children: dayjs(s.createdAt).format('YYYY-MM-DD HH:mm') },
    { key: 'updated', label: '最后修改', children: dayjs(s.updatedAt).format('YYYY-MM-DD HH:mm') },
    { key: 'notes', label: '备注', children: <span style={{ whiteSpace: 'pre-wrap' }}>{text(s.notes)}</span>, span: 'filled' },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} styles={{ label: { width: 130, whiteSpace: 'nowrap' } }} />;
}

/** 排查记录: every visit, newest first, as a timeline; the latest one is the site's current state. */
function Inspections({ site, canWrite, onAdded }: { site: IdleSite; canWrite: boolean; onAdded: () => void }) {
  const inspections = useApiQuery('idleSites.inspections', { idleSiteId: site.id });
  const [adding, setAdding] = useState(false);
  const rows = inspections.data ?? [];
  return (
    <div>
      <div className="page-toolbar">
        <Typography.Text type="secondary">
          首次排查 {site.foundOn}；排查记录按日期由近及远排列，最近一次的发现与处置即场所当前状态。
        </Typography.Text>
        <span className="spacer" />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新增排查记录
          </Button>
        )}
      </div>
      {inspections.loading && !inspections.data ? (
        <Spin />
      ) : rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={inspections.error?.message ?? '暂无排查记录'} />
      ) : (
        <Timeline
          className="idle-site-timeline"
          items={rows.map((row) => ({
            key: row.id,
            color: row.finding === '无违法' ? 'green' : row.disposal === '待处置' ? 'gold' : 'red',
            content: (
              <div className="inspection-item" data-testid="inspection">
                <Space size={8} wrap>
                  <Typography.Text strong>{row.inspectedOn}</Typography.Text>
                  <FindingTag finding={row.finding} />
                  <DisposalTag disposal={row.disposal} />
                  {row.sealed && <Tag color="magenta">已贴封条</Tag>}
                  {row.sampled && <Tag color="blue">抽样化验</Tag>}
                </Space>
                <div>
                  <Typography.Text type="secondary">排查人员：</Typography.Text>
                  {row.inspectors}
                </div>
                {row.remark && <div style={{ whiteSpace: 'pre-wrap' }}>{row.remark}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.createdBy} 于 {dayjs(row.createdAt).format('YYYY-MM-DD HH:mm')} 录入
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
      {adding && <InspectionFormModal open site={site} onClose={() => setAdding(false)} onSaved={onAdded} />}
    </div>
  );
}
