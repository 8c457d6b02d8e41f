import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './error-types.js';
import '../modules/regions/regions.graphql.js';
import '../modules/auth/auth.graphql.js';
import '../modules/candidates/candidates.graphql.js';
import '../modules/results/results.graphql.js';
import '../modules/statistics/statistics.graphql.js';
import '../modules/guidance/guidance.graphql.js';

export const schema = lexicographicSortSchema(builder.toSchema());
