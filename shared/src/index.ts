export * from './day.js';
export * from './errors.js';
export * from './schemas.js';
export * from './socket-events.js';
export * from './sources.js';
export * from './first-view.js';
export * from './topic-rules.js';
export * from './accounts.js';
