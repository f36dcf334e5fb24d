import { enterpriseSortFields, type EnterpriseFilters } from '../../../shared/api/enterprises';
import { enterpriseStatuses, industries, riskLevels, standardizationLevels } from '../../../shared/domain/enterprise';
import { flag, listQueryCodec, oneOf, positiveInt, searchText, type ListQuery } from '../../components/listQuery';

/** The enterprise list's state in its URL (`#/enterprises?riskLevel=red&villageId=3`); see `listQueryCodec`. */
export type EnterpriseListQuery = ListQuery<EnterpriseFilters, (typeof enterpriseSortFields)[number]>;

export const filterKeys = [
  'q',
  'villageId',
  'industry',
  'riskLevel',
  'status',
  'keySupervised',
  'standardization',
  'majorHazard',
  'gridWorkerId',
] as const satisfies readonly (keyof EnterpriseFilters)[];

export function readEnterpriseFilters(params: URLSearchParams): EnterpriseFilters {
  return {
    q: searchText(params),
    villageId: positiveInt(params.get('villageId')),
    industry: oneOf(industries, params.get('industry')),
    riskLevel: oneOf(riskLevels, params.get('riskLevel')),
    status: oneOf(enterpriseStatuses, params.get('status')),
    keySupervised: flag(params.get('keySupervised')),
    standardization: oneOf(standardizationLevels, params.get('standardization')),
    majorHazard: flag(params.get('majorHazard')),
    gridWorkerId: positiveInt(params.get('gridWorkerId')),
  };
}

const codec = listQueryCodec({ filterKeys, readFilters: readEnterpriseFilters, sortFields: enterpriseSortFields, defaultOrder: 'descend' });
export const readEnterpriseListQuery = codec.read;
export const writeEnterpriseListQuery = codec.write;
export const hasActiveFilters = codec.hasActive;
