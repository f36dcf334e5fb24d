export * from './settings';
export * from './villages';
