// Font roles: the names layout asks for (`body`, `bold`, `heavy`, `sans`,
// `sansBold`, `kai`, or any role a template adds), the font each one uses by
// default, and the fallback order when a font lacks a character.
//
// Fallbacks keep the weight first and the style second: a character missing
// from the bold serif is better set in bold sans than in regular serif, and
// Kai text falls back to the serif (closest in stroke) before the sans.
// Any other role (a template's own) falls back like `body`.
import type { SourcePoint } from '../diagnostics/diagnostic.js';
import type { SpecOrigin } from './catalog.js';

export const DEFAULT_ROLES: Readonly<Record<string, string>> = {
  body: 'noto-serif-sc:400',
  bold: 'noto-serif-sc:700',
  heavy: 'noto-serif-sc:900',
  sans: 'noto-sans-sc:400',
  sansBold: 'noto-sans-sc:700',
  kai: 'lxgw-wenkai',
};

export const FALLBACKS: Readonly<Record<string, readonly string[]>> = {
  body: ['sans', 'kai'],
  bold: ['sansBold', 'body', 'sans', 'kai'],
  heavy: ['bold', 'sansBold', 'body', 'sans', 'kai'],
  sans: ['body', 'kai'],
  sansBold: ['bold', 'sans', 'body', 'kai'],
  kai: ['body', 'sans'],
};

/** The roles whose faces make up `role`'s chain, in order (the role itself first). */
export function chainRoles(role: string): string[] {
  const fallbacks = FALLBACKS[role] ?? ['body', ...FALLBACKS.body];
  return [...new Set([role, ...fallbacks])];
}

export const ROLE_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

export interface RoleEntry {
  spec: string;
  origin: SpecOrigin;
}

/** One layer of role assignments: built-in, a fonts/fonts.yaml, a template. */
export interface RoleLayer {
  /** Shown in messages: `built-in`, `fonts/fonts.yaml`, `template newspaper`. */
  name: string;
  /** Folder relative font paths in this layer are resolved against. */
  baseDir: string;
  entries: Array<{ role: string; spec: string; at: SourcePoint }>;
}

export function builtinLayer(): RoleLayer {
  return {
    name: 'built-in',
    baseDir: process.cwd(),
    entries: Object.entries(DEFAULT_ROLES).map(([role, spec]) => ({ role, spec, at: { file: '(built-in)', line: 0, column: 0 } })),
  };
}

/** Merges layers, later layers overriding earlier ones role by role. */
export function mergeLayers(layers: RoleLayer[]): Map<string, RoleEntry> {
  const roles = new Map<string, RoleEntry>();
  for (const layer of layers) {
    for (const e of layer.entries) {
      roles.set(e.role, { spec: e.spec, origin: { role: e.role, at: e.at, baseDir: layer.baseDir, layer: layer.name } });
    }
  }
  return roles;
}
