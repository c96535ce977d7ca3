/** PublishVersion, ListVersionsByFunction and aliases (a name for a version). */
import { scoped } from '../../core/scoped';
import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { conflict, notFound } from './errors';
import { configurationOf, getFunctionRow, newRevision, parseFunctionName, resolveVersion } from './state/functions';
import { listVersions, publishVersion } from './state/versions';

export const PublishVersion = (ctx: Ctx, input: OperationInput<'lambda', 'PublishVersion'>) => {
  const { name } = parseFunctionName(ctx, input.FunctionName);
  return configurationOf(publishVersion(ctx, name, input.Description));
};

export const ListVersionsByFunction = (ctx: Ctx, input: OperationInput<'lambda', 'ListVersionsByFunction'>) => {
  const { name } = parseFunctionName(ctx, input.FunctionName);
  return { Versions: listVersions(ctx, name).map((v) => configurationOf(v)) };
};

interface AliasRow {
  alias: string;
  version: string;
  description: string;
  revision_id: string;
}
const aliasOut = (arn: string, a: AliasRow) => ({ AliasArn: `${arn}:${a.alias}`, Name: a.alias, FunctionVersion: a.version, Description: a.description, RevisionId: a.revision_id });

function getAlias(ctx: Ctx, name: string, alias: string): AliasRow {
  const row = getFunctionRow(ctx, name);
  const a = scoped(ctx).get<AliasRow>('SELECT * FROM lambda_aliases WHERE name = ? AND alias = ?', name, alias);
  if (!a) throw notFound(`Cannot find alias arn: ${row.arn}:${alias}`);
  return a;
}

export const CreateAlias = (ctx: Ctx, input: OperationInput<'lambda', 'CreateAlias'>) => {
  const { name } = parseFunctionName(ctx, input.FunctionName);
  const row = getFunctionRow(ctx, name);
  resolveVersion(ctx, name, input.FunctionVersion);
  if (scoped(ctx).get('SELECT 1 FROM lambda_aliases WHERE name = ? AND alias = ?', name, input.Name)) throw conflict(`Alias already exists: ${row.arn}:${input.Name}`);
  const a: AliasRow = { alias: input.Name, version: input.FunctionVersion, description: input.Description ?? '', revision_id: newRevision() };
  scoped(ctx).insert('lambda_aliases', { name, ...a });
  return aliasOut(row.arn, a);
};

export const GetAlias = (ctx: Ctx, input: OperationInput<'lambda', 'GetAlias'>) => {
  const { name } = parseFunctionName(ctx, input.FunctionName);
  return aliasOut(getFunctionRow(ctx, name).arn, getAlias(ctx, name, input.Name));
};

export const UpdateAlias = (ctx: Ctx, input: OperationInput<'lambda', 'UpdateAlias'>) => {
  const { name } = parseFunctionName(ctx, input.FunctionName);
  const a = getAlias(ctx, name, input.Name);
  if (input.FunctionVersion) resolveVersion(ctx, name, input.FunctionVersion);
  const next: AliasRow = { ...a, version: input.FunctionVersion ?? a.version, description: input.Description ?? a.description, revision_id: newRevision() };
  scoped(ctx).run('UPDATE lambda_aliases SET version = ?, description = ?, revision_id = ? WHERE name = ? AND alias = ?', next.version, next.description, next.revision_id, name, input.Name);
  return aliasOut(getFunctionRow(ctx, name).arn, next);
};

export const DeleteAlias = (ctx: Ctx, input: OperationInput<'lambda', 'DeleteAlias'>) => {
  const { name } = parseFunctionName(ctx, input.FunctionName);
  getFunctionRow(ctx, name);
  scoped(ctx).run('DELETE FROM lambda_aliases WHERE name = ? AND alias = ?', name, input.Name);
  return {};
};

export const ListAliases = (ctx: Ctx, input: OperationInput<'lambda', 'ListAliases'>) => {
  const { name } = parseFunctionName(ctx, input.FunctionName);
  const arn = getFunctionRow(ctx, name).arn;
  const rows = scoped(ctx).all<AliasRow>('SELECT * FROM lambda_aliases WHERE name = ? ORDER BY alias', name);
  return { Aliases: rows.filter((a) => !input.FunctionVersion || a.version === input.FunctionVersion).map((a) => aliasOut(arn, a)) };
};
