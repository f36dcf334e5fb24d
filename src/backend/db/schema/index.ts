export * from './attachments';
export * from './audit';
export * from './enterprises';
export * from './gridWorkers';
export * from './settings';
export * from './users';
export * from './villages';
