export * from './scalars';
export * from './parts';
export * from './case';
export * from './bundle';
export * from './summary';
export * from './integrity';
export * from './annotationStatus';
export * from './brief';
