import axe from 'axe-core';
import type { Page } from 'playwright-core';
import type { PageGlobals } from './page-globals.js';

/** One axe-core finding, as much as a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string; html: string; summary: string }>;
}

/** Impacts that fail a screen (WCAG 2.2 AA bar of issue 8). */
const FAILING = new Set(['serious', 'critical']);

/**
 * Runs axe-core in the page (its source evaluated through the DevTools protocol, so the hub's
 * Content-Security-Policy stays in force) over the whole document with the WCAG 2.0–2.2 A/AA
 * and best-practice rules, and returns the serious and critical violations.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as unknown as PageGlobals).axe === 'object');
  if (!loaded) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const { axe: runner, document } = globalThis as unknown as PageGlobals & { axe: typeof import('axe-core') };
    const result = await runner.run(document as unknown as import('axe-core').ElementContext, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.slice(0, 8).map((n) => ({
        target: n.target.map(String).join(' '),
        html: n.html.slice(0, 300),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 400),
      })),
    }));
  });
  return violations.filter((v) => v.impact !== null && FAILING.has(v.impact));
}

/** A readable report of violations, one block per rule with its offending elements. */
export function formatViolations(where: string, violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `[${v.impact}] ${v.id} on ${where}: ${v.help} (${v.helpUrl})\n` +
        v.nodes.map((n) => `    at ${n.target}\n      ${n.html}\n      ${n.summary}`).join('\n'),
    )
    .join('\n');
}
