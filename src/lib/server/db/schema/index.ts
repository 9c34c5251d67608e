export * from './common';
export * from './auth';
export * from './dossier';
export * from './text';
export * from './actors';
export * from './amendments';
export * from './positions';
export * from './data-version';
