export * from './gazetteer';
