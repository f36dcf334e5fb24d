import { Form, Select, type FormInstance } from 'antd';
import { useMemo } from 'react';
import { useApiQuery } from '../api/useApi';

/**
 * A record's 所属村/社区. Picking another village empties the grid worker: grid workers are listed per village,
 * so the old one would likely be wrong.
 */
export function VillageField({ form }: { form: FormInstance }) {
  const villages = useApiQuery('villages.options', {});
  return (
    <Form.Item label="所属村/社区" name="villageId" required>
      <Select
        placeholder="请选择"
        showSearch={{ optionFilterProp: 'label' }}
        loading={villages.loading}
        options={(villages.data ?? []).map((village) => ({ value: village.id, label: village.name }))}
        onChange={() => form.setFieldValue('gridWorkerId', null)}
      />
    </Form.Item>
  );
}

/**
 * The record's 网格员, chosen among those covering the form's village. The list shows each worker's phone to
 * tell namesakes apart; once chosen, the name alone fits the box.
 */
export function GridWorkerField({ form, current }: { form: FormInstance; current: { gridWorkerId: number | null; gridWorkerName: string | null } | null }) {
  const villageId = Form.useWatch('villageId', form) as number | undefined;
  const workers = useApiQuery('gridWorkers.options', villageId ? { villageId } : {});
  const options = useMemo(() => {
    const list = (workers.data ?? []).map((worker) => ({ value: worker.id, label: worker.phone ? `${worker.name}（${worker.phone}）` : worker.name }));
    // The saved worker may no longer cover this village; keep them selectable rather than showing a bare id.
    if (current?.gridWorkerId && current.gridWorkerName && !list.some((option) => option.value === current.gridWorkerId)) {
      list.unshift({ value: current.gridWorkerId, label: current.gridWorkerName });
    }
    return list;
  }, [workers.data, current]);
  const names = useMemo(() => {
    const byId = new Map((workers.data ?? []).map((worker) => [worker.id, worker.name]));
    if (current?.gridWorkerId && current.gridWorkerName) byId.set(current.gridWorkerId, current.gridWorkerName);
    return byId;
  }, [workers.data, current]);
  return (
    <Form.Item label="网格员" name="gridWorkerId" tooltip="只列出负责所选村/社区的网格员">
      <Select
        allowClear
        placeholder={villageId ? '请选择' : '请先选择村/社区'}
        disabled={!villageId}
        showSearch={{ optionFilterProp: 'label' }}
        loading={workers.loading}
        options={options}
        labelRender={({ value, label }) => names.get(Number(value)) ?? label}
        notFoundContent="该村/社区尚无网格员"
      />
    </Form.Item>
  );
}
