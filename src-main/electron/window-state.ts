/** Remembers where the window was (a small JSON file in userData), so the app reopens in place. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1280, height: 820 }, maximized: false };

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function loadWindowState(userData: string): WindowState & { known: boolean } {
  try {
    const raw = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as Partial<WindowState>;
    const b = raw.bounds;
    if (!b || ![b.x, b.y, b.width, b.height].every(isNumber) || b.width < 400 || b.height < 300)
      throw new Error('bad state');
    // A monitor may have gone away since: only reuse bounds that still touch a display.
    const visible = screen
      .getAllDisplays()
      .some(
        ({ workArea: a }) => b.x < a.x + a.width && b.x + b.width > a.x && b.y < a.y + a.height && b.y + b.height > a.y,
      );
    if (!visible) throw new Error('off screen');
    return { bounds: b, maximized: raw.maximized === true, known: true };
  } catch {
    return { ...DEFAULT, known: false };
  }
}

export function trackWindowState(win: BrowserWindow, userData: string): void {
  const save = () => {
    if (win.isDestroyed()) return;
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeFileSync(join(userData, 'window-state.json'), JSON.stringify(state));
    } catch {
      // Not worth bothering the learner: the window simply opens at the default place next time.
    }
  };
  win.on('close', save);
}
