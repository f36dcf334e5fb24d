import { Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Space, type FormInstance } from 'antd';
import { useMemo } from 'react';
import type { IdleSite, IdleSiteFields } from '../../../shared/api/idleSites';
import { idleSiteDisposals, idleSiteFindings, idleSiteKinds, type IdleSiteDisposal, type IdleSiteFinding } from '../../../shared/domain/idleSite';
import { disposalNeedsDate, isIllegalFinding } from '../../../shared/domain/idleSiteRules';
import { callApi } from '../../api/client';
import { GridWorkerField, VillageField } from '../../components/PlaceFields';
import { EntityFormModal } from '../../components/EntityFormModal';
import { dateItemProps, isFutureDay, todayText } from '../../components/DateInputs';
import { LocationPicker } from '../../components/map/LocationPicker';
import { DisposalTag, FindingTag } from './display';

/** The keys `idleSites.create`/`update` take; the edited record also carries ids, names, counts and timestamps. */
const fieldKeys = [
  'name',
  'kind',
  'address',
  'villageId',
  'ownerName',
  'ownerPhone',
  'currentUse',
  'finding',
  'disposal',
  'sealed',
  'sampled',
  'foundOn',
  'disposedOn',
  'gridWorkerId',
  'longitude',
  'latitude',
  'notes',
] as const satisfies readonly (keyof IdleSiteFields)[];

/** Only the editable fields; a missing one stays undefined so the schema's default or its 请填写 message applies. */
function pickFields(values: Partial<IdleSiteFields>): IdleSiteFields {
  return Object.fromEntries(fieldKeys.map((key) => [key, values[key]])) as unknown as IdleSiteFields;
}

interface IdleSiteFormModalProps {
  open: boolean;
  /** The site being edited; null to register one. */
  site: IdleSite | null;
  /** Starting values for a new site (e.g. the village the list is filtered to). */
  defaults?: Partial<IdleSiteFields>;
  onClose: () => void;
  onSaved: (saved: IdleSite) => void;
}

export function IdleSiteFormModal({ open, site, defaults, onClose, onSaved }: IdleSiteFormModalProps) {
  const initialValues = useMemo<Partial<IdleSiteFields>>(
    // A sweep is usually entered the day it happens, so 排查日期 starts at today.
    () => (site ? pickFields(site) : { finding: '无违法', disposal: '无需处置', sealed: false, sampled: false, foundOn: todayText(), ...defaults }),
    [site, defaults],
  );
  return (
    <EntityFormModal<IdleSiteFields>
      open={open}
      width={860}
      title={site ? `编辑四闲场所：${site.name}` : '登记四闲场所'}
      initialValues={initialValues}
      onClose={onClose}
      onSave={async (values) => {
        const fields = pickFields(values);
        const saved = site ? await callApi('idleSites.update', { ...fields, id: site.id }) : await callApi('idleSites.create', fields);
        onSaved(saved);
      }}
    >
      {(form) => <IdleSiteFormFields form={form} current={site} />}
    </EntityFormModal>
  );
}

/**
 * Keeps 排查发现 and 处置情况 consistent as staff pick them (the backend refuses a mismatch anyway): no violation
 * means 无需处置, a violation starts at 待处置, and 处置日期 is only asked for a disposal that is an act.
 */
export function linkFindingAndDisposal(form: FormInstance, changed: { finding?: IdleSiteFinding; disposal?: IdleSiteDisposal }, dateField?: string) {
  if (changed.finding !== undefined) {
    const disposal = form.getFieldValue('disposal') as IdleSiteDisposal | undefined;
    if (!isIllegalFinding(changed.finding)) form.setFieldsValue({ disposal: '无需处置', sealed: false });
    else if (disposal === undefined || disposal === '无需处置') form.setFieldsValue({ disposal: '待处置' });
  }
  const disposal = (changed.disposal ?? form.getFieldValue('disposal')) as IdleSiteDisposal | undefined;
  if (disposal === '贴封条') form.setFieldsValue({ sealed: true });
  if (dateField && disposal && !disposalNeedsDate(disposal)) form.setFieldValue(dateField, null);
}

const half = { xs: 24, md: 12 };
const quarter = { xs: 24, sm: 12, md: 6 };

const findingOptions = idleSiteFindings.map((finding) => ({ value: finding, label: finding }));
const disposalOptions = idleSiteDisposals.map((disposal) => ({ value: disposal, label: disposal }));

function IdleSiteFormFields({ form, current }: { form: FormInstance<IdleSiteFields>; current: IdleSite | null }) {
  const disposal = Form.useWatch('disposal', form) as IdleSiteDisposal | undefined;
  const dated = disposal !== undefined && disposalNeedsDate(disposal);

  return (
    <div className="idle-site-form">
      <Divider titlePlacement="start">场所信息</Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item label="场所名称" name="name" required tooltip="便于识别的名称，如“东山村李家闲置院落”">
            <Input autoFocus maxLength={100} placeholder="如：东山村原五金厂闲置厂房" />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="场所类型" name="kind" required>
            <Select placeholder="请选择" options={idleSiteKinds.map((kind) => ({ value: kind, label: kind }))} />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="现用途" name="currentUse">
            <Input maxLength={100} placeholder="如：空置、堆放杂物" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col {...quarter}>
          <VillageField form={form} />
        </Col>
        <Col {...half}>
          <Form.Item label="地址" name="address">
            <Input maxLength={200} placeholder="如：东山村工业路 12 号" />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <GridWorkerField form={form} current={current} />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col {...quarter}>
          <Form.Item label="户主/产权人" name="ownerName">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="联系电话" name="ownerPhone">
            <Input maxLength={30} placeholder="手机或固话" />
          </Form.Item>
        </Col>
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
        <Col xs={24} md={{ span: 12, offset: 12 }}>
          <LocationPicker form={form} />
        </Col>
      </Row>

      <Divider titlePlacement="start">排查与处置</Divider>
      <Row gutter={16}>
        <Col {...quarter}>
          <Form.Item label="排查日期" name="foundOn" required tooltip="首次排查发现该场所的日期；统计按此日期计入" {...dateItemProps}>
            <DatePicker style={{ width: '100%' }} disabledDate={isFutureDay} />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="排查发现" name="finding" required>
            <Select
              options={findingOptions}
              optionRender={(option) => <FindingTag finding={option.value as IdleSiteFinding} />}
              onChange={(finding: IdleSiteFinding) => linkFindingAndDisposal(form, { finding }, 'disposedOn')}
            />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="处置情况" name="disposal" required>
            <Select
              options={disposalOptions}
              optionRender={(option) => <DisposalTag disposal={option.value as IdleSiteDisposal} />}
              onChange={(value: IdleSiteDisposal) => linkFindingAndDisposal(form, { disposal: value }, 'disposedOn')}
            />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item
            label="处置日期"
            name="disposedOn"
            required={dated}
            tooltip="停业整顿、取缔、关闭、清理完毕、贴封条须填写处置日期"
            {...dateItemProps}
          >
            <DatePicker style={{ width: '100%' }} disabled={!dated} disabledDate={isFutureDay} placeholder={dated ? '请选择日期' : '无需填写'} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col {...half}>
          <Space size={24}>
            <Form.Item name="sealed" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox disabled={disposal === '贴封条'}>已贴封条</Checkbox>
            </Form.Item>
            <Form.Item name="sampled" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox>已抽样化验</Checkbox>
            </Form.Item>
          </Space>
        </Col>
        <Col {...half}>
          <Form.Item label="备注" name="notes">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
