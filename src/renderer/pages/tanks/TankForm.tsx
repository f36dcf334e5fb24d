import { AutoComplete, Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import type { ChemicalOption } from '../../../shared/api/chemicals';
import type { Tank, TankCreateFields } from '../../../shared/api/tanks';
import { normalizeCas } from '../../../shared/domain/cas';
import { tankPressureClasses, tankStatuses, tankTypes } from '../../../shared/domain/tank';
import { ApiCallError, callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { dateItemProps } from '../../components/DateInputs';
import { EntityFormModal } from '../../components/EntityFormModal';
import { EnterprisePicker, IdleSitePicker } from '../../components/RecordPickers';
import { LocationPicker } from '../../components/map/LocationPicker';
import { TankStatusTag } from './display';
import './tanks.css';

export type OwnerKind = 'enterprise' | 'idleSite';

/** The form's values: the create fields plus which kind of owner is being picked (not sent). */
type TankFormValues = TankCreateFields & { ownerKind: OwnerKind };

/** The keys `tanks.update` takes; `status` is added on create only (later changes go through 变更状态). */
const fieldKeys = [
  'code',
  'enterpriseId',
  'idleSiteId',
  'tankFarm',
  'medium',
  'chemicalId',
  'cas',
  'designCapacityM3',
  'maxStoredT',
  'type',
  'material',
  'pressureClass',
  'publicLabel',
  'responsibleName',
  'responsiblePhone',
  'lastCheckOn',
  'registeredOn',
  'longitude',
  'latitude',
  'notes',
] as const satisfies readonly (keyof TankCreateFields)[];

function pickFields(values: Partial<TankFormValues>): TankCreateFields {
  const fields = Object.fromEntries(fieldKeys.map((key) => [key, values[key]])) as unknown as TankCreateFields;
  // Only the chosen kind of owner is sent; the other picker may still hold an earlier choice.
  if (values.ownerKind === 'idleSite') fields.enterpriseId = null;
  else fields.idleSiteId = null;
  return fields;
}

/** Starting values for a new tank: an owner (e.g. the enterprise whose profile it was added from). */
export interface TankDefaults {
  enterpriseId?: number;
  idleSiteId?: number;
  /** Shown in the picker for the preset owner before any search. */
  ownerName?: string;
}

interface TankFormModalProps {
  open: boolean;
  /** The tank being edited; null to register one. */
  tank: Tank | null;
  defaults?: TankDefaults;
  onClose: () => void;
  onSaved: (saved: Tank) => void;
}

export function TankFormModal({ open, tank, defaults, onClose, onSaved }: TankFormModalProps) {
  const initialValues = useMemo<Partial<TankFormValues>>(() => {
    if (tank) return { ...pickFields(tank), ownerKind: tank.ownerKind };
    return {
      ownerKind: defaults?.idleSiteId ? 'idleSite' : 'enterprise',
      enterpriseId: defaults?.enterpriseId ?? null,
      idleSiteId: defaults?.idleSiteId ?? null,
      type: '立式固定顶',
      pressureClass: '常压',
      status: '在用',
      publicLabel: false,
      registeredOn: dayjs().format('YYYY-MM-DD'),
    };
  }, [tank, defaults]);
  const knownOwner = useMemo(() => {
    if (tank) return { kind: tank.ownerKind, id: tank.enterpriseId ?? tank.idleSiteId ?? 0, name: tank.ownerName };
    const id = defaults?.enterpriseId ?? defaults?.idleSiteId;
    const kind: OwnerKind = defaults?.enterpriseId ? 'enterprise' : 'idleSite';
    return id && defaults?.ownerName ? { kind, id, name: defaults.ownerName } : undefined;
  }, [tank, defaults]);

  return (
    <EntityFormModal<TankFormValues>
      open={open}
      width={880}
      title={tank ? `编辑储罐：${tank.ownerName} ${tank.code}` : '新增储罐'}
      initialValues={initialValues}
      onClose={onClose}
      onSave={async (values) => {
        const fields = pickFields(values);
        try {
          const saved = tank
            ? await callApi('tanks.update', { ...fields, id: tank.id })
            : await callApi('tanks.create', { ...fields, status: values.status });
          onSaved(saved);
        } catch (error) {
          throw placeOwnerErrors(error, values.ownerKind);
        }
      }}
    >
      {(form) => <TankFormFields form={form} current={tank} knownOwner={knownOwner} ownerPreset={!tank && !!knownOwner} />}
    </EntityFormModal>
  );
}

/**
 * The backend names the owner rule under `enterpriseId` whichever kind was meant, and a catalogue problem under
 * `chemicalId`; this form shows one owner picker and no chemical id, so the messages move to what is on screen.
 */
function placeOwnerErrors(error: unknown, ownerKind: OwnerKind): unknown {
  if (!(error instanceof ApiCallError) || !error.fieldErrors) return error;
  const ownerField = ownerKind === 'idleSite' ? 'idleSiteId' : 'enterpriseId';
  const moved = Object.fromEntries(
    Object.entries(error.fieldErrors).map(([field, message]) => [
      field === 'enterpriseId' || field === 'idleSiteId' ? ownerField : field === 'chemicalId' ? 'medium' : field,
      message,
    ]),
  );
  return new ApiCallError({ code: error.code, message: error.message, fieldErrors: moved });
}

const half = { xs: 24, md: 12 };
const quarter = { xs: 24, sm: 12, md: 6 };

interface FieldsProps {
  form: FormInstance<TankFormValues>;
  current: Tank | null;
  knownOwner?: { kind: OwnerKind; id: number; name: string };
  ownerPreset: boolean;
}

/** The fields of one tank, grouped as the 储罐台账 lists them; messages come from the shared schema via the backend. */
function TankFormFields({ form, current, knownOwner, ownerPreset }: FieldsProps) {
  const ownerKind = (Form.useWatch('ownerKind', form) as OwnerKind | undefined) ?? 'enterprise';
  const ownerLabel = ownerKind === 'enterprise' ? '所属企业' : '所属四闲场所';
  const ownerTip =
    '储罐类别按所属单位自动确定：危化生产、危化经营(带储存)企业的为危化品企业储罐，其他企业的为一般化工企业储罐，四闲场所的为四闲场所储罐';
  // The saved or preset owner is offered by name only in the picker of its own kind.
  const known = knownOwner?.kind === ownerKind ? knownOwner : undefined;

  return (
    <div className="tank-form">
      <Divider titlePlacement="start">所属单位与编号</Divider>
      <Row gutter={16}>
        <Col {...quarter}>
          <Form.Item label="所属类型" name="ownerKind">
            <Radio.Group
              optionType="button"
              options={[
                { label: '企业', value: 'enterprise' },
                { label: '四闲场所', value: 'idleSite' },
              ]}
              // The other kind's choice would be a second owner; a tank has exactly one.
              onChange={() => form.setFieldsValue({ enterpriseId: null, idleSiteId: null })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={18}>
          {ownerKind === 'enterprise' ? (
            <Form.Item label={ownerLabel} name="enterpriseId" required tooltip={ownerTip}>
              <EnterprisePicker known={known} autoFocus={!current && !ownerPreset} />
            </Form.Item>
          ) : (
            <Form.Item label={ownerLabel} name="idleSiteId" required tooltip={ownerTip}>
              <IdleSitePicker known={known} autoFocus={!current && !ownerPreset} />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Row gutter={16}>
        <Col {...quarter}>
          <Form.Item label="罐号" name="code" required tooltip="同一单位内不能重复">
            <Input maxLength={30} placeholder="如 T-01" autoFocus={!!current || ownerPreset} />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="罐区" name="tankFarm" tooltip="同一罐区的储罐合并为一个单元进行重大危险源辨识">
            <Input maxLength={30} placeholder="如 一号罐区" />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="登记日期" name="registeredOn" required {...dateItemProps}>
            <DatePicker style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          {current ? (
            <Form.Item label="状态" tooltip="状态只能通过“变更状态”修改，需填写变更日期和原因，并留有记录">
              <div style={{ paddingTop: 4 }}>
                <TankStatusTag status={current.status} />
              </div>
            </Form.Item>
          ) : (
            <Form.Item label="初始状态" name="status" required tooltip="登记时的状态；以后的变化通过“变更状态”记录日期和原因">
              <Select options={tankStatuses.map((status) => ({ label: status, value: status }))} />
            </Form.Item>
          )}
        </Col>
      </Row>

      <Divider titlePlacement="start">介质与规格</Divider>
      <Row gutter={16}>
        <Col {...half}>
          <MediumField form={form} current={current} />
        </Col>
        <Col {...quarter}>
          <Form.Item
            label="CAS号"
            name="cas"
            tooltip="保存时核对校验位"
            normalize={(value: string | undefined) => (value === undefined ? value : normalizeCas(value))}
          >
            <Input maxLength={20} placeholder="如 7664-41-7" className="cas" />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="储罐类型" name="type" required>
            <Select options={tankTypes.map((type) => ({ label: type, value: type }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col {...quarter}>
          <Form.Item label="设计容积" name="designCapacityM3">
            <InputNumber min={0} style={{ width: '100%' }} suffix="m³" />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="最大储存量" name="maxStoredT" tooltip="重大危险源辨识中的 q（吨）">
            <InputNumber min={0} style={{ width: '100%' }} suffix="t" />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="材质" name="material">
            <AutoComplete
              maxLength={30}
              placeholder="如 碳钢"
              options={['碳钢', '不锈钢', '玻璃钢', '铝合金', '聚乙烯'].map((value) => ({ value }))}
              filterOption={(input, option) => (option?.value ?? '').includes(input)}
            />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="压力等级" name="pressureClass" required>
            <Radio.Group optionType="button" options={tankPressureClasses.map((value) => ({ label: value, value }))} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">公开标识与专人盯靠</Divider>
      <Row gutter={16}>
        <Col {...quarter}>
          <Form.Item label="公开标识" name="publicLabel" valuePropName="checked" tooltip="罐体已按要求公开标识（介质、责任人、联系电话等）">
            <Switch checkedChildren="已标识" unCheckedChildren="未标识" />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="盯靠责任人" name="responsibleName">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="责任人电话" name="responsiblePhone">
            <Input maxLength={30} placeholder="手机或固话" />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="最近检查日期" name="lastCheckOn" {...dateItemProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">位置与备注</Divider>
      <Row gutter={16}>
        <Col {...quarter}>
          <Form.Item label="经度" name="longitude" tooltip="东经，保留 6 位小数；经纬度须同时填写或同时留空">
            <InputNumber precision={6} step={0.000001} style={{ width: '100%' }} placeholder="如 113.673412" />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="纬度" name="latitude">
            <InputNumber precision={6} step={0.000001} style={{ width: '100%' }} placeholder="如 22.815230" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="备注" name="notes">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <LocationPicker form={form} />
        </Col>
      </Row>
    </div>
  );
}

/**
 * 介质: typed freely, or picked from the chemical catalogue, which also fills the CAS number and links the tank to
 * the catalogue entry whose critical quantity counts in the 重大危险源 identification. Editing the text away from
 * the picked name unlinks it again, so the link never names a substance other than the one shown.
 */
function MediumField({ form, current }: { form: FormInstance<TankFormValues>; current: Tank | null }) {
  const medium = (Form.useWatch('medium', form) as string | null | undefined) ?? '';
  const chemicalId = Form.useWatch('chemicalId', form) as number | null | undefined;
  const options = useApiQuery('chemicals.options', { q: medium.trim() || undefined, limit: 20 });
  const [picked, setPicked] = useState<ChemicalOption | null>(null);
  // Read in the change handlers, which antd may call before or after onSelect within one pick.
  const pickedRef = useRef<ChemicalOption | null>(null);

  /** The catalogue entry the form is linked to, and the texts of 介质 that still mean it. */
  function linkOf(id: number | null | undefined, lastPick: ChemicalOption | null): { name: string; criticalQuantity: number | null; texts: string[] } | null {
    if (!id) return null;
    const fromPick = lastPick?.id === id ? lastPick : null;
    if (fromPick) return { name: fromPick.name, criticalQuantity: fromPick.criticalQuantity, texts: [fromPick.name] };
    if (current?.chemicalId === id && current.chemicalName) {
      // A saved tank may name its medium otherwise (液氨 for 氨); until that text is edited the link stands.
      return { name: current.chemicalName, criticalQuantity: null, texts: [current.chemicalName, current.medium ?? current.chemicalName] };
    }
    return null;
  }
  const linked = linkOf(chemicalId, picked);

  const byName = new Map((options.data ?? []).map((option) => [option.name, option]));
  const extra = linked ? (
    <Typography.Text type="success" style={{ fontSize: 12 }}>
      已关联化学品目录：{linked.name}
      {linked.criticalQuantity !== null && `（临界量 ${linked.criticalQuantity} t）`}
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      从化学品目录选择可自动填写 CAS 号并计入重大危险源辨识；目录中没有的可直接填写
    </Typography.Text>
  );

  return (
    <>
      <Form.Item label="介质" name="medium" extra={extra}>
        <AutoComplete
          maxLength={50}
          placeholder="输入名称或 CAS 号搜索化学品目录，如 液氨"
          options={(options.data ?? []).map((option) => ({
            value: option.name,
            label: (
              <div className="chemical-option">
                <span>{option.name}</span>
                <Typography.Text type="secondary" className="cas">
                  {option.cas ?? ''}
                  {option.criticalQuantity !== null && ` · Q=${option.criticalQuantity} t`}
                </Typography.Text>
              </div>
            ),
          }))}
          onSelect={(name: string) => {
            const option = byName.get(name);
            if (!option) return;
            pickedRef.current = option;
            setPicked(option);
            form.setFieldsValue({ chemicalId: option.id, ...(option.cas ? { cas: option.cas } : {}) });
          }}
          onChange={(text: string) => {
            // Typing another name (even one in the catalogue) without picking it unlinks: the link must name what is shown.
            const link = linkOf(form.getFieldValue('chemicalId') as number | null | undefined, pickedRef.current);
            if (link && !link.texts.includes(text)) form.setFieldsValue({ chemicalId: null });
          }}
        />
      </Form.Item>
      <Form.Item name="chemicalId" hidden>
        <Input />
      </Form.Item>
    </>
  );
}
