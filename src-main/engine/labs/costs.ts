/**
 * What a chapter's resources would cost on AWS (§1.4): hourly prices from the EC2 catalog in
 * resources/ec2/instance-types.json (the same data the EC2 service bills with), times the hours a
 * learner following the book at its pace keeps them. Read-only; nothing here is billed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChapterCost, ChapterDefinition } from './types';

interface Catalog {
  regionalPriceMultiplier: Record<string, number>;
  instanceTypes: { instanceType: string; pricePerHour: number; freeTierEligible: boolean }[];
}

const catalogs = new Map<string, Catalog>();

function catalog(resourcesDir: string): Catalog {
  let c = catalogs.get(resourcesDir);
  if (!c) {
    c = JSON.parse(readFileSync(join(resourcesDir, 'ec2', 'instance-types.json'), 'utf8')) as Catalog;
    catalogs.set(resourcesDir, c);
  }
  return c;
}

/** On-demand Linux price per hour (USD) of an instance type in a region, as the lab's catalog has it. */
export function instancePricePerHour(resourcesDir: string, instanceType: string, region: string): number | undefined {
  const c = catalog(resourcesDir);
  const t = c.instanceTypes.find((x) => x.instanceType === instanceType);
  if (!t) return undefined;
  const m = c.regionalPriceMultiplier[region] ?? c.regionalPriceMultiplier.default ?? 1;
  return Math.round(t.pricePerHour * m * 1e6) / 1e6;
}

export function isFreeTierEligible(resourcesDir: string, instanceType: string): boolean {
  return catalog(resourcesDir).instanceTypes.find((x) => x.instanceType === instanceType)?.freeTierEligible ?? false;
}

export interface CostLine {
  item: string;
  region: string;
  count: number;
  hours: number;
  pricePerHour: number;
  total: number;
  freeTier: boolean;
}

export interface ChapterCostReport {
  lines: CostLine[];
  /** All resources together, per hour while they all run. */
  perHour: number;
  /** At the book's pace, before any free tier. */
  total: number;
  reminder: string;
}

const round = (n: number): number => Math.round(n * 10000) / 10000;

export function chapterCosts(resourcesDir: string, chapter: ChapterDefinition): ChapterCostReport {
  const lines = chapter.costs.map((c: ChapterCost): CostLine => {
    const price = c.instanceType ? (instancePricePerHour(resourcesDir, c.instanceType, c.region) ?? 0) : (c.pricePerHour ?? 0);
    return {
      item: c.item,
      region: c.region,
      count: c.count,
      hours: c.hours,
      pricePerHour: round(price * c.count),
      total: round(price * c.count * c.hours),
      freeTier: c.instanceType ? isFreeTierEligible(resourcesDir, c.instanceType) : false,
    };
  });
  return {
    lines,
    perHour: round(lines.reduce((s, l) => s + l.pricePerHour, 0)),
    total: round(lines.reduce((s, l) => s + l.total, 0)),
    reminder:
      lines.length === 0
        ? 'Nothing in this chapter is billed by the hour.'
        : 'On AWS these resources are billed until you delete them: finish with the clean-up step, here as there.',
  };
}
