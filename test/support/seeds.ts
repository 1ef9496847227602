/** The seed plans in ../shared/seeds, read as they are. */
import { readFileSync, readdirSync } from 'fs';
import path from 'path';
import type { Grid } from '../../src/core/sheet/grid';

export const SEEDS_DIR = path.resolve(__dirname, '../../../shared/seeds');

export function seedText(prefix: string): string {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} not found in ${SEEDS_DIR}`);
  return readFileSync(path.join(SEEDS_DIR, file), 'utf8');
}

/**
 * Seed 001's 重点任务清单 as a clerk would paste it into a sheet: its own four columns
 * (序号 · 重点任务 · 完成时限和目标 · 责任单位), a section row per section, the milestone lines of a
 * task in one cell. Built from the document's text, not from our transcription.
 */
export function seed001Grid(): Grid {
  const lines = seedText('001')
    .split('\n')
    .map((l) => l.trim());
  const start = lines.indexOf('重点任务清单');
  const end = lines.findIndex((l, i) => i > start && l.startsWith('分享到'));
  const body = lines.slice(start + 1, end).filter((l) => l && !['序号', '重点任务', '完成时限和目标', '责任单位'].includes(l));
  const grid: Grid = [
    ['重点任务清单', null, null, null],
    ['序号', '重点任务', '完成时限和目标', '责任单位'],
  ];
  for (let i = 0; i < body.length;) {
    const l = body[i];
    if (/^\([一二三四五六七八九十]+\)$/.test(l)) {
      grid.push([l, body[i + 1], null, null]);
      i += 2;
      continue;
    }
    const m = /^(\d+)\.(.*)$/.exec(l);
    if (!m) throw new Error(`unexpected line in seed 001: ${l}`);
    i++;
    const schedule: string[] = [];
    while (/^\d{4}年/.test(body[i]) || body[i] === '持续推进') schedule.push(body[i++]);
    grid.push([m[1], m[2], schedule.join(' '), body[i++]]);
  }
  return grid;
}
