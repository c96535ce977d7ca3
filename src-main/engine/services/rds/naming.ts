/** Names RDS makes: endpoint host names, ARNs, resource ids. */
import { createHash, randomBytes } from 'node:crypto';

/** The 12-character label AWS puts in every endpoint of one account and region (`mydb.c9akciq32.rds…`). */
export function endpointLabel(accountId: string, region: string): string {
  const h = createHash('sha256').update(`${accountId}:${region}:rds`).digest();
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let s = alphabet[h[0]! % 26]!;
  for (let i = 1; i < 12; i++) s += alphabet[h[i]! % alphabet.length];
  return s;
}

export const endpointAddress = (id: string, accountId: string, region: string): string =>
  `${id.toLowerCase()}.${endpointLabel(accountId, region)}.${region}.rds.amazonaws.com`;

const ENDPOINT = /^([a-z][a-z0-9-]{0,62})\.([a-z0-9]{12})\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.rds\.amazonaws\.com$/;

export function parseEndpoint(name: string): { id: string; label: string; region: string } | undefined {
  const m = ENDPOINT.exec(name.toLowerCase().replace(/\.$/, ''));
  return m ? { id: m[1]!, label: m[2]!, region: m[3]! } : undefined;
}

export const instanceArn = (region: string, accountId: string, id: string) => `arn:aws:rds:${region}:${accountId}:db:${id}`;
export const snapshotArn = (region: string, accountId: string, id: string) => `arn:aws:rds:${region}:${accountId}:snapshot:${id}`;
export const subnetGroupArn = (region: string, accountId: string, name: string) => `arn:aws:rds:${region}:${accountId}:subgrp:${name}`;

/** `db-` + 26 upper-case letters and digits, like DbiResourceId. */
export function newResourceId(prefix = 'db'): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const b = randomBytes(26);
  let s = '';
  for (const x of b) s += alphabet[x % 32];
  return `${prefix}-${s}`;
}

/** DB identifiers: 1-63 letters, digits or hyphens, a letter first, no trailing or double hyphen. */
export const validIdentifier = (id: string): boolean => /^[A-Za-z](?!.*--)[A-Za-z0-9-]{0,62}$/.test(id) && !id.endsWith('-');
