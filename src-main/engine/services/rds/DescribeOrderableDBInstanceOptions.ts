import type { Ctx } from '../../core/provider';
import { OFFERED_CLASSES } from './classes';
import { engineFamily, resolveVersion } from './engines';
import { invalidParameterValue } from './errors';
import type { RdsInput, RdsOutput } from './types';

const ZONES = ['a', 'b', 'c'];

/** Which classes each engine version can run on (the classes the lab offers, each with every storage type). */
export function DescribeOrderableDBInstanceOptions(ctx: Ctx, input: RdsInput<'DescribeOrderableDBInstanceOptions'>): RdsOutput<'DescribeOrderableDBInstanceOptions'> {
  const f = engineFamily(input.Engine.toLowerCase());
  if (!f) throw invalidParameterValue(`Invalid DB engine: ${input.Engine}`);
  const versions = input.EngineVersion ? [resolveVersion(f, input.EngineVersion)].filter((v): v is string => !!v) : [...f.versions];
  const classes = OFFERED_CLASSES.filter((c) => !input.DBInstanceClass || c === input.DBInstanceClass);
  const out = versions.flatMap((v) =>
    classes.flatMap((c) =>
      ['gp2', 'gp3', 'io1'].map((storage) => ({
        Engine: input.Engine.toLowerCase(),
        EngineVersion: v,
        DBInstanceClass: c,
        LicenseModel: f.family === 'postgres' ? 'postgresql-license' : 'general-public-license',
        AvailabilityZones: ZONES.map((z) => ({ Name: `${ctx.region}${z}` })),
        MultiAZCapable: true,
        ReadReplicaCapable: true,
        Vpc: true,
        SupportsStorageEncryption: false,
        StorageType: storage,
        SupportsIops: storage === 'io1',
        SupportsEnhancedMonitoring: false,
        SupportsIAMDatabaseAuthentication: false,
        SupportsPerformanceInsights: false,
        MinStorageSize: 20,
        MaxStorageSize: 65536,
        SupportedNetworkTypes: ['IPV4'],
      })),
    ),
  );
  const max = Math.min(Math.max(input.MaxRecords ?? 100, 20), 100);
  const from = input.Marker ? Number(input.Marker) : 0;
  return { OrderableDBInstanceOptions: out.slice(from, from + max), ...(from + max < out.length ? { Marker: String(from + max) } : {}) };
}
