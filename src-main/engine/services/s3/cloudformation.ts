/** S3 buckets and bucket policies. */
import { lifecycleFromTemplate } from './cloudformation-lifecycle';
import { allTags, clean, generatedName, ignoreNotFound, num, objList, optional, str, strList, type ResourceCtx, type ResourceProvider, type Json, type JsonObject } from '../../core/resource-provider';

function bucketAttributes(rc: ResourceCtx, name: string): Record<string, Json> {
  return {
    Arn: `arn:${rc.partition}:s3:::${name}`,
    DomainName: `${name}.s3.${rc.urlSuffix}`,
    RegionalDomainName: `${name}.s3.${rc.region}.${rc.urlSuffix}`,
    DualStackDomainName: `${name}.s3.dualstack.${rc.region}.${rc.urlSuffix}`,
    WebsiteURL: `http://${name}.s3-website-${rc.region}.${rc.urlSuffix}`,
  };
}

function website(v: Json | undefined) {
  const w = v as JsonObject | undefined;
  if (!w) return undefined;
  const redirect = w.RedirectAllRequestsTo as JsonObject | undefined;
  return clean({
    IndexDocument: w.IndexDocument !== undefined ? { Suffix: str(w.IndexDocument) } : undefined,
    ErrorDocument: w.ErrorDocument !== undefined ? { Key: str(w.ErrorDocument) } : undefined,
    RedirectAllRequestsTo: redirect ? clean({ HostName: str(redirect.HostName), Protocol: str(redirect.Protocol) }) : undefined,
  });
}

async function configure(rc: ResourceCtx, name: string, props: JsonObject, old?: JsonObject): Promise<void> {
  const changed = (k: string) => JSON.stringify(props[k] ?? null) !== JSON.stringify(old?.[k] ?? null);
  if (changed('WebsiteConfiguration')) {
    if (props.WebsiteConfiguration !== undefined) {
      await optional(rc, 's3', 'PutBucketWebsite', { Bucket: name, WebsiteConfiguration: website(props.WebsiteConfiguration) }, 'WebsiteConfiguration');
    } else await optional(rc, 's3', 'DeleteBucketWebsite', { Bucket: name }, 'Removing WebsiteConfiguration');
  }
  if (changed('VersioningConfiguration') && props.VersioningConfiguration !== undefined) {
    const status = str((props.VersioningConfiguration as JsonObject).Status);
    await optional(rc, 's3', 'PutBucketVersioning', { Bucket: name, VersioningConfiguration: { Status: status } }, 'VersioningConfiguration');
  }
  if (changed('LifecycleConfiguration')) {
    // Errors in the rules fail the resource, as CloudFormation reports S3's answer.
    if (props.LifecycleConfiguration !== undefined) {
      await rc.call('s3', 'PutBucketLifecycleConfiguration', { Bucket: name, LifecycleConfiguration: lifecycleFromTemplate(props.LifecycleConfiguration) });
    } else if (old) await ignoreNotFound(rc.call('s3', 'DeleteBucketLifecycle', { Bucket: name }));
  }
  if (changed('CorsConfiguration')) {
    const rules = objList((props.CorsConfiguration as JsonObject | undefined)?.CorsRules).map((r) =>
      clean({ ID: str(r.Id), AllowedMethods: strList(r.AllowedMethods), AllowedOrigins: strList(r.AllowedOrigins), AllowedHeaders: strList(r.AllowedHeaders), ExposeHeaders: strList(r.ExposedHeaders), MaxAgeSeconds: num(r.MaxAge) }),
    );
    if (rules.length > 0) await rc.call('s3', 'PutBucketCors', { Bucket: name, CORSConfiguration: { CORSRules: rules } });
    else if (old) await ignoreNotFound(rc.call('s3', 'DeleteBucketCors', { Bucket: name }));
  }
  const tags = allTags(rc, props);
  if (!old || changed('Tags')) {
    if (tags.length) await optional(rc, 's3', 'PutBucketTagging', { Bucket: name, Tagging: { TagSet: tags } }, 'Tags');
  }
  for (const k of ['NotificationConfiguration', 'BucketEncryption', 'PublicAccessBlockConfiguration', 'LoggingConfiguration']) {
    if (props[k] !== undefined && changed(k)) rc.note(`${k} recorded but not applied: the lab's S3 has no behaviour for it yet.`);
  }
}

const bucket: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.BucketName) ?? generatedName(rc, 63, { lower: true, suffix: 12 });
    await rc.call(
      's3',
      'CreateBucket',
      clean({
        Bucket: name,
        CreateBucketConfiguration: rc.region === 'us-east-1' ? undefined : { LocationConstraint: rc.region },
        ObjectLockEnabledForBucket: props.ObjectLockEnabled === true || props.ObjectLockEnabled === 'true' ? true : undefined,
      }),
    );
    await configure(rc, name, props);
    return { physicalId: name, attributes: bucketAttributes(rc, name) };
  },
  async update(rc, name, props, old) {
    await configure(rc, name, props, old);
  },
  async delete(rc, name) {
    await ignoreNotFound(rc.call('s3', 'DeleteBucket', { Bucket: name }));
  },
};

const bucketPolicy: ResourceProvider = {
  async create(rc, props) {
    await rc.call('s3', 'PutBucketPolicy', { Bucket: str(props.Bucket), Policy: JSON.stringify(props.PolicyDocument) });
    return { physicalId: generatedName(rc, 60) };
  },
  async update(rc, _id, props) {
    await rc.call('s3', 'PutBucketPolicy', { Bucket: str(props.Bucket), Policy: JSON.stringify(props.PolicyDocument) });
  },
  async delete(rc, _id, props) {
    await ignoreNotFound(rc.call('s3', 'DeleteBucketPolicy', { Bucket: str(props.Bucket) }));
  },
};

export const s3Providers: Record<string, ResourceProvider> = {
  'AWS::S3::Bucket': bucket,
  'AWS::S3::BucketPolicy': bucketPolicy,
};
