import { prepareTestDatabases } from './src/testing.js';

export default prepareTestDatabases;
