import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/useApi';

export interface OwnerValue {
  enterpriseId?: number;
  idleSiteId?: number;
}

/** One select for both kinds of owner: its values read `enterprise:12` / `idleSite:5`. */
function encode(value: OwnerValue): string | undefined {
  if (value.enterpriseId) return `enterprise:${value.enterpriseId}`;
  if (value.idleSiteId) return `idleSite:${value.idleSiteId}`;
  return undefined;
}

function decode(raw: string | undefined): OwnerValue {
  const [kind, id] = (raw ?? '').split(':');
  if (kind === 'enterprise') return { enterpriseId: Number(id), idleSiteId: undefined };
  if (kind === 'idleSite') return { enterpriseId: undefined, idleSiteId: Number(id) };
  return { enterpriseId: undefined, idleSiteId: undefined };
}

/**
 * The list's 所属单位 filter: searches enterprises and idle sites together (the backend searches names, codes and
 * pinyin initials) and shows the chosen owner by name even when it came from the URL.
 */
export function OwnerFilter({ value, onChange }: { value: OwnerValue; onChange: (value: OwnerValue) => void }) {
  const [q, setQ] = useState('');
  const search = { q: q.trim() || undefined, limit: 15 };
  const enterprises = useApiQuery('enterprises.options', search);
  const idleSites = useApiQuery('idleSites.options', search);
  const options = [
    {
      label: '企业',
      title: '企业',
      options: (enterprises.data ?? []).map((enterprise) => ({ value: `enterprise:${enterprise.id}`, label: enterprise.name })),
    },
    {
      label: '四闲场所',
      title: '四闲场所',
      options: (idleSites.data ?? []).map((site) => ({ value: `idleSite:${site.id}`, label: site.name })),
    },
  ].filter((group) => group.options.length > 0);

  return (
    <Select<string>
      aria-label="所属单位"
      placeholder="全部所属单位"
      allowClear
      style={{ width: 220 }}
      value={encode(value)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={enterprises.loading || idleSites.loading}
      options={options}
      notFoundContent="没有找到，请换个关键词"
      onChange={(raw) => {
        setQ('');
        onChange(decode(raw));
      }}
      // A value from the URL may not be among the options found so far; it is named by looking it up.
      labelRender={({ value: raw, label }) => (label ? label : <OwnerName value={decode(String(raw))} />)}
    />
  );
}

function OwnerName({ value }: { value: OwnerValue }) {
  return value.enterpriseId ? <EnterpriseName id={value.enterpriseId} /> : value.idleSiteId ? <IdleSiteName id={value.idleSiteId} /> : null;
}

function EnterpriseName({ id }: { id: number }) {
  const enterprise = useApiQuery('enterprises.get', { id });
  return <Typography.Text ellipsis>{enterprise.data?.name ?? (enterprise.error ? '（企业不存在）' : '…')}</Typography.Text>;
}

function IdleSiteName({ id }: { id: number }) {
  const site = useApiQuery('idleSites.get', { id });
  return <Typography.Text ellipsis>{site.data?.name ?? (site.error ? '（场所不存在）' : '…')}</Typography.Text>;
}
