/** Importing flows from other tools (n8n, Node-RED): see import-file.ts. */
export { importFile, type ImportOptions } from './import-file';
export { detect } from './detect';
export * from './types';
