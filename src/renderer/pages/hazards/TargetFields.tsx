import { Col, Form, Radio, Row, type FormInstance } from 'antd';
import { useApiQuery } from '../../api/useApi';
import { EnterprisePicker, IdleSitePicker } from '../../components/RecordPickers';

export type TargetType = 'enterprise' | 'idleSite';

/** The form values that name a unit: which kind, and the id of the chosen one. */
export interface TargetValues {
  targetType: TargetType;
  enterpriseId?: number | null;
  idleSiteId?: number | null;
}

export interface KnownTargets {
  enterprise?: { id: number; name: string };
  idleSite?: { id: number; name: string };
}

/** The unit a form's values name, as the API takes it (exactly one of the two ids). */
export function targetOf(values: TargetValues): { enterpriseId: number | null; idleSiteId: number | null } {
  return values.targetType === 'idleSite' ? { enterpriseId: null, idleSiteId: values.idleSiteId ?? null } : { enterpriseId: values.enterpriseId ?? null, idleSiteId: null };
}

/** A preset unit (from the address or the opening page) by name, so its picker shows the name at once. */
export function useKnownTargets(preset: { enterpriseId?: number; idleSiteId?: number }): KnownTargets & { loading: boolean } {
  const enterprise = useApiQuery('enterprises.get', preset.enterpriseId ? { id: preset.enterpriseId } : null);
  const idleSite = useApiQuery('idleSites.get', preset.idleSiteId ? { id: preset.idleSiteId } : null);
  return {
    enterprise: enterprise.data ? { id: enterprise.data.id, name: enterprise.data.name } : undefined,
    idleSite: idleSite.data ? { id: idleSite.data.id, name: idleSite.data.name } : undefined,
    loading: enterprise.loading || idleSite.loading,
  };
}

/**
 * 企业 or 四闲场所, then the matching picker. Switching the kind empties the choice; the picker is required on
 * the client so the server's “二选一” message rarely has to be shown. `onPicked` runs after the unit changes.
 */
export function TargetFields({ form, label, known, autoFocus, onPicked }: { form: FormInstance; label: string; known?: KnownTargets; autoFocus?: boolean; onPicked?: () => void }) {
  const type = (Form.useWatch('targetType', form) as TargetType | undefined) ?? (form.getFieldValue('targetType') as TargetType | undefined) ?? 'enterprise';
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="targetType" label={label} required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'enterprise', label: '企业' },
              { value: 'idleSite', label: '四闲场所' },
            ]}
            onChange={() => {
              form.setFieldsValue({ enterpriseId: null, idleSiteId: null });
              onPicked?.();
            }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        {type === 'enterprise' ? (
          <Form.Item name="enterpriseId" label="企业名称" rules={[{ required: true, message: '请选择企业' }]}>
            <EnterprisePicker known={known?.enterprise} autoFocus={autoFocus} onChange={onPicked && (() => onPicked())} />
          </Form.Item>
        ) : (
          <Form.Item name="idleSiteId" label="四闲场所" rules={[{ required: true, message: '请选择四闲场所' }]}>
            <IdleSitePicker known={known?.idleSite} autoFocus={autoFocus} onChange={onPicked && (() => onPicked())} />
          </Form.Item>
        )}
      </Col>
    </Row>
  );
}
