import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './typeorm-options';

/** Used by the TypeORM CLI (`npm run migration:*`) only. */
export default new DataSource(buildDataSourceOptions(loadAppConfig(process.env)));
