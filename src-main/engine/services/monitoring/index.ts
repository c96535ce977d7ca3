/**
 * The CloudWatch provider (model `monitoring`): metrics in SQLite with AWS's retention, alarms
 * evaluated on the simulated clock, and alarm actions that call the target service. Other services
 * publish their metrics and take alarm actions through the API re-exported at the bottom (api.ts).
 */
import { defineService } from '../../core/provider';
import { monitoringIamTable } from './iam-table';
import { monitoringInventory } from './inventory';
import { monitoringResourceProviders } from './cloudformation';
import { monitoringMigrations } from './migrations';
import { startLoop } from './engine-loop';
import './sources/ec2';
import './sources/billing';
import './recover';
import { PutMetricData } from './PutMetricData';
import { GetMetricStatistics } from './GetMetricStatistics';
import { GetMetricData } from './GetMetricData';
import { ListMetrics } from './ListMetrics';
import { PutMetricAlarm } from './PutMetricAlarm';
import { DescribeAlarms } from './DescribeAlarms';
import { DescribeAlarmsForMetric } from './DescribeAlarmsForMetric';
import { DeleteAlarms } from './DeleteAlarms';
import { SetAlarmState } from './SetAlarmState';
import { EnableAlarmActions } from './EnableAlarmActions';
import { DisableAlarmActions } from './DisableAlarmActions';
import { DescribeAlarmHistory } from './DescribeAlarmHistory';
import { PutDashboard } from './PutDashboard';
import { GetDashboard } from './GetDashboard';
import { ListDashboards } from './ListDashboards';
import { DeleteDashboards } from './DeleteDashboards';

export const monitoringProvider = defineService({
  service: 'monitoring',
  migrations: monitoringMigrations,
  handlers: {
    PutMetricData,
    GetMetricStatistics,
    GetMetricData,
    ListMetrics,
    PutMetricAlarm,
    DescribeAlarms,
    DescribeAlarmsForMetric,
    DeleteAlarms,
    SetAlarmState,
    EnableAlarmActions,
    DisableAlarmActions,
    DescribeAlarmHistory,
    PutDashboard,
    GetDashboard,
    ListDashboards,
    DeleteDashboards,
  },
  start: (engine) => startLoop(engine),
  iam: monitoringIamTable,
  cloudformation: monitoringResourceProviders,
  inventory: monitoringInventory,
});

export * from './api';
