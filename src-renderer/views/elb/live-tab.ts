/** A details tab filled by AWS calls (LivePage.vue): what to load for the selected row and how to show it. */
import type { Row } from '../../aws/json';
import type { AwsCall } from '../../composables/useAws';

export interface LiveColumn {
  title: string;
  value: string | ((row: Row) => string);
  state?: boolean;
}

export interface LiveTab {
  name: string;
  title: string;
  /** Changes when the table must reload for the row (its id, or id plus versions). */
  source: (row: Row) => string;
  load: (call: AwsCall, row: Row) => Promise<Row[]>;
  columns: LiveColumn[];
  empty: string;
  /** Operations (by anyone) after which the table reloads. */
  reloadOn: string[];
  test: string;
}
