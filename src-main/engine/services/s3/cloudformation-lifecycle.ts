/** AWS::S3::Bucket LifecycleConfiguration (CloudFormation's shape) as the API's LifecycleConfiguration. */
import { bool, clean, num, objList, str, type Json, type JsonObject } from '../../core/resource-provider';

const transition = (t: JsonObject) => clean({ StorageClass: str(t.StorageClass), Days: num(t.TransitionInDays), Date: str(t.TransitionDate) });

function rule(r: JsonObject): Record<string, unknown> {
  const tags = objList(r.TagFilters).map((t) => ({ Key: str(t.Key), Value: str(t.Value) }));
  const prefix = str(r.Prefix);
  const gt = num(r.ObjectSizeGreaterThan);
  const lt = num(r.ObjectSizeLessThan);
  const filter = tags.length > 0 ? { And: clean({ Prefix: prefix, Tags: tags, ObjectSizeGreaterThan: gt, ObjectSizeLessThan: lt }) } : clean({ Prefix: prefix, ObjectSizeGreaterThan: gt, ObjectSizeLessThan: lt });
  const transitions = [...objList(r.Transitions), ...(r.Transition ? [r.Transition as JsonObject] : [])].map(transition);
  const ncTransitions = [...objList(r.NoncurrentVersionTransitions), ...(r.NoncurrentVersionTransition ? [r.NoncurrentVersionTransition as JsonObject] : [])].map((t) =>
    clean({ StorageClass: str(t.StorageClass), NoncurrentDays: num(t.TransitionInDays), NewerNoncurrentVersions: num(t.NewerNoncurrentVersions) }),
  );
  const nve = r.NoncurrentVersionExpiration as JsonObject | undefined;
  const ncDays = num(r.NoncurrentVersionExpirationInDays) ?? num(nve?.NoncurrentDays);
  const expiration = clean({ Days: num(r.ExpirationInDays), Date: str(r.ExpirationDate), ExpiredObjectDeleteMarker: bool(r.ExpiredObjectDeleteMarker) });
  const abort = r.AbortIncompleteMultipartUpload as JsonObject | undefined;
  return clean({
    ID: str(r.Id),
    Status: str(r.Status),
    Filter: filter,
    Expiration: Object.keys(expiration).length > 0 ? expiration : undefined,
    Transitions: transitions.length > 0 ? transitions : undefined,
    NoncurrentVersionTransitions: ncTransitions.length > 0 ? ncTransitions : undefined,
    NoncurrentVersionExpiration: ncDays !== undefined ? clean({ NoncurrentDays: ncDays, NewerNoncurrentVersions: num(nve?.NewerNoncurrentVersions) }) : undefined,
    AbortIncompleteMultipartUpload: abort ? { DaysAfterInitiation: num(abort.DaysAfterInitiation) } : undefined,
  });
}

export const lifecycleFromTemplate = (v: Json | undefined): { Rules: Record<string, unknown>[] } => ({
  Rules: objList((v as JsonObject | undefined)?.Rules).map(rule),
});
