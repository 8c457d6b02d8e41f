import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './error-types.js';
import '../modules/regions/regions.graphql.js';
import '../modules/auth/auth.graphql.js';
import '../modules/candidates/candidates.graphql.js';
import '../modules/notices/notices.graphql.js';
import '../modules/results/results.graphql.js';
import '../modules/statistics/statistics.graphql.js';
import '../modules/office-holders/office-holders.graphql.js';
import '../modules/guidance/guidance.graphql.js';
import '../modules/campaigns/campaigns.graphql.js';
import '../modules/stages/stages.graphql.js';
import '../modules/monitoring/monitoring.graphql.js';
import '../modules/audit/audit.graphql.js';
import '../modules/cases/cases.graphql.js';

export const schema = lexicographicSortSchema(builder.toSchema());
