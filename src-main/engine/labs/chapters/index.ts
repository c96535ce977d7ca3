/** The guided chapters, in book order. */
import type { ChapterDefinition } from '../types';
import { chapter01 } from './01';
import { chapter03 } from './03';
import { chapter04 } from './04';
import { chapter06 } from './06';
import { chapter09 } from './09';
import { chapter11 } from './11';
import { chapter12 } from './12';
import { chapter13 } from './13';

export const CHAPTERS: readonly ChapterDefinition[] = [chapter01, chapter03, chapter04, chapter06, chapter09, chapter11, chapter12, chapter13];
