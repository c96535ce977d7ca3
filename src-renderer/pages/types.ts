/**
 * A list page of the console described as data: which Describe* call fills it, its columns, and the
 * actions it offers (each an AWS operation). ResourceListPage.vue renders any of them, so the
 * EC2 and VPC pages share one table, one actions menu and one form dialog.
 */
import type { JsonObject } from '../../src-main/contract';
import type { AwsCall } from '../composables/useAws';
import type { Row } from '../aws/json';

export interface Column {
  title: string;
  /** Dotted path into the row, or a function for computed text. */
  value: string | ((row: Row) => string);
  /** Shown as a state badge (running, available, in-use...). */
  state?: boolean;
  /** The row's id: a link that opens its details. */
  link?: boolean;
  width?: number;
}

export type Option = { label: string; value: string };

export interface Field {
  key: string;
  /** AWS's label for the field ('Key pair name', 'Description'...). */
  label: string;
  type: 'text' | 'textarea' | 'number' | 'select' | 'checkbox';
  help?: string;
  placeholder?: string;
  initial?: string | number | boolean;
  /** Choices for selects: static, or loaded through AWS calls when the dialog opens. */
  options?: Option[] | ((call: AwsCall, row?: Row) => Promise<Option[]>);
  optional?: boolean;
}

export type Values = Record<string, string | number | boolean | undefined>;

export interface ActionResult {
  /** Flashed on success. */
  message: string;
  /** A file for the learner (a new key pair's private key). */
  file?: { name: string; content: string };
}

export interface Action {
  label: string;
  /** Opens a form dialog with these fields before running. */
  fields?: Field[];
  /** Asks first, in AWS's words; `typeToConfirm` makes the learner type a word (delete, permanently delete). */
  confirm?: { title: string; text: (row?: Row) => string; typeToConfirm?: string; button: string };
  /** Needs a selected row (actions in the Actions menu) and may depend on its state. */
  needsRow?: boolean;
  enabled?: (row: Row) => boolean;
  run: (call: AwsCall, values: Values, row?: Row) => Promise<ActionResult>;
}

export interface SubTable {
  title: string;
  rows: (row: Row) => Row[];
  columns: Column[];
}

export interface ResourcePage {
  /** Page heading and crumb: 'Volumes'. */
  title: string;
  /** Singular, for messages: 'volume'. */
  noun: string;
  /** Console area for the crumbs: 'EC2', 'VPC', 'ElastiCache'... */
  area: string;
  /** `service` defaults to ec2 (load balancers and Auto Scaling pages name theirs). */
  describe: { service?: string; operation: string; input?: JsonObject; rows: (output: JsonObject) => Row[] };
  idPath: string;
  columns: Column[];
  /** Rows in a state that changes by itself (creating, pending...): the page polls while any is. */
  transitional?: (row: Row) => boolean;
  /** Operations (from anyone: CLI, SDK) after which the list reloads. */
  watch: string[];
  create?: Action;
  actions: Action[];
  /** Label → value pairs of the details pane. */
  details: (row: Row) => [string, string][];
  subTables?: SubTable[];
  description?: string;
}
