// Compile-time only: fails `tsc` if the server's report no longer fits what the dashboard expects.
import type { getProjectReport } from '../../server/services/report';
import type { Report } from './reportTypes';

type ServerReport = ReturnType<typeof getProjectReport>;
type Assert<T extends true> = T;
export type ReportFitsDashboard = Assert<ServerReport extends Report ? true : false>;
