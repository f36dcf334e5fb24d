import { App, Checkbox, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { useMemo } from 'react';
import type { IdleSite, IdleSiteInspectionFields } from '../../../shared/api/idleSites';
import { idleSiteDisposals, idleSiteFindings, type IdleSiteDisposal, type IdleSiteFinding } from '../../../shared/domain/idleSite';
import { callApi } from '../../api/client';
import { EntityFormModal } from '../../components/EntityFormModal';
import { dateItemProps, isFutureDay, todayText } from '../../components/DateInputs';
import { DisposalTag, FindingTag } from './display';
import { linkFindingAndDisposal } from './IdleSiteForm';

type InspectionValues = Omit<IdleSiteInspectionFields, 'idleSiteId'>;

interface InspectionFormModalProps {
  open: boolean;
  site: IdleSite;
  onClose: () => void;
  onSaved: () => void;
}

/** 新增排查记录: one visit to the site; when it is the latest, it becomes the site's current state. */
export function InspectionFormModal({ open, site, onClose, onSaved }: InspectionFormModalProps) {
  const { message } = App.useApp();
  // A follow-up visit usually confirms what is on file, so the form starts from the site's current state.
  const initialValues = useMemo<Partial<InspectionValues>>(
    () => ({ inspectedOn: todayText(), finding: site.finding, disposal: site.disposal, sealed: site.sealed, sampled: false }),
    [site],
  );
  return (
    <EntityFormModal<InspectionValues>
      open={open}
      width={720}
      title={`新增排查记录：${site.name}`}
      initialValues={initialValues}
      onClose={onClose}
      onSave={async (values) => {
        const result = await callApi('idleSites.addInspection', {
          idleSiteId: site.id,
          inspectedOn: values.inspectedOn,
          inspectors: values.inspectors,
          finding: values.finding,
          disposal: values.disposal,
          sealed: values.sealed,
          sampled: values.sampled,
          remark: values.remark,
        });
        if (result.current) message.success('已保存排查记录，场所状态已更新');
        else message.info(`已保存排查记录。该记录早于最近一次排查（${site.lastInspectedOn}），场所当前状态未变`);
        onSaved();
      }}
    >
      {(form) => (
        <div className="idle-site-form">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="排查日期" name="inspectedOn" required {...dateItemProps}>
                <DatePicker style={{ width: '100%' }} disabledDate={isFutureDay} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item label="排查人员" name="inspectors" required>
                <Input autoFocus maxLength={100} placeholder="如：王强、李明（多人用顿号分隔）" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="排查发现" name="finding" required>
                <Select
                  options={idleSiteFindings.map((finding) => ({ value: finding, label: finding }))}
                  optionRender={(option) => <FindingTag finding={option.value as IdleSiteFinding} />}
                  onChange={(finding: IdleSiteFinding) => linkFindingAndDisposal(form, { finding })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="处置情况" name="disposal" required>
                <Select
                  options={idleSiteDisposals.map((disposal) => ({ value: disposal, label: disposal }))}
                  optionRender={(option) => <DisposalTag disposal={option.value as IdleSiteDisposal} />}
                  onChange={(disposal: IdleSiteDisposal) => linkFindingAndDisposal(form, { disposal })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label=" " colon={false}>
                <Space size={16}>
                  <Form.Item name="sealed" valuePropName="checked" noStyle>
                    <Checkbox>已贴封条</Checkbox>
                  </Form.Item>
                  <Form.Item name="sampled" valuePropName="checked" noStyle>
                    <Checkbox>抽样化验</Checkbox>
                  </Form.Item>
                </Space>
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="情况说明" name="remark">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} placeholder="现场情况、处置措施、整改要求等" />
          </Form.Item>
        </div>
      )}
    </EntityFormModal>
  );
}
