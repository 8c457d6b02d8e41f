import { prepareTestDatabases } from '@huanjie/db/testing';

export default prepareTestDatabases;
