import type { Migration } from '../../store/store';

/**
 * CloudWatch: metrics (one row per namespace + name + dimension set), their datapoints, alarms and
 * their history, dashboards. Scope: account + region (every row carries both).
 */
export const monitoringMigrations: Migration[] = [
  {
    scope: 'monitoring',
    version: 1,
    name: 'metrics, datapoints, alarms, history, dashboards',
    up: `
      CREATE TABLE cw_metrics (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        namespace TEXT NOT NULL,
        metric_name TEXT NOT NULL,
        dims_key TEXT NOT NULL,        -- canonical: sorted Name=Value joined by \\u0001
        dims TEXT NOT NULL,            -- JSON [{Name, Value}] sorted by Name
        last_at INTEGER NOT NULL,      -- newest datapoint's time (ListMetrics RecentlyActive)
        UNIQUE (account_id, region, namespace, metric_name, dims_key)
      );
      -- One row per datum as received (or rolled up): statistic set plus raw values for percentiles.
      CREATE TABLE cw_points (
        metric_id INTEGER NOT NULL REFERENCES cw_metrics (id) ON DELETE CASCADE,
        ts INTEGER NOT NULL,
        n REAL NOT NULL,
        sum REAL NOT NULL,
        min REAL NOT NULL,
        max REAL NOT NULL,
        unit TEXT NOT NULL,
        vals TEXT,                     -- JSON [[value, count], ...] when the caller sent values
        res INTEGER NOT NULL           -- storage resolution in seconds (1, 60; 300/3600 after roll-up)
      );
      CREATE INDEX cw_points_by_metric ON cw_points (metric_id, ts);
      CREATE INDEX cw_points_by_time ON cw_points (ts);

      CREATE TABLE cw_alarms (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        arn TEXT NOT NULL,
        config TEXT NOT NULL,          -- JSON of the PutMetricAlarm input, normalized
        actions_enabled INTEGER NOT NULL,
        state TEXT NOT NULL,
        state_reason TEXT NOT NULL,
        state_reason_data TEXT,
        state_updated_at INTEGER NOT NULL,
        config_updated_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, region, name)
      );
      CREATE TABLE cw_alarm_history (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        alarm_name TEXT NOT NULL,
        time INTEGER NOT NULL,
        type TEXT NOT NULL,            -- ConfigurationUpdate | StateUpdate | Action
        summary TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX cw_alarm_history_by_alarm ON cw_alarm_history (account_id, region, alarm_name, time);

      CREATE TABLE cw_dashboards (
        account_id TEXT NOT NULL,
        name TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, name)
      );
    `,
  },
  {
    scope: 'monitoring',
    version: 2,
    name: 'running instances CloudWatch measures',
    up: `
      CREATE TABLE cw_ec2_watch (
        instance_id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        instance_type TEXT NOT NULL,
        detailed INTEGER NOT NULL
      );
    `,
  },
  {
    scope: 'monitoring',
    version: 3,
    name: 'roll-ups per 5 minutes and per hour',
    up: `
      CREATE TABLE cw_rollups (
        metric_id INTEGER NOT NULL REFERENCES cw_metrics (id) ON DELETE CASCADE,
        res INTEGER NOT NULL,          -- roll-up width in ms (300000, 3600000)
        ts INTEGER NOT NULL,           -- start of the roll-up period
        unit TEXT NOT NULL,
        n REAL NOT NULL,
        sum REAL NOT NULL,
        min REAL NOT NULL,
        max REAL NOT NULL,
        PRIMARY KEY (metric_id, res, ts, unit)
      ) WITHOUT ROWID;
      INSERT INTO cw_rollups (metric_id, res, ts, unit, n, sum, min, max)
        SELECT metric_id, 300000, (ts / 300000) * 300000, unit, SUM(n), SUM(sum), MIN(min), MAX(max) FROM cw_points GROUP BY 1, 3, 4;
      INSERT INTO cw_rollups (metric_id, res, ts, unit, n, sum, min, max)
        SELECT metric_id, 3600000, (ts / 3600000) * 3600000, unit, SUM(n), SUM(sum), MIN(min), MAX(max) FROM cw_points GROUP BY 1, 3, 4;
    `,
  },
];
