import type { Page } from 'playwright-core';
import { whenShown } from './page-clock.js';

/**
 * Drives the station detail's command form (Commands tab): picks `action` in the select labelled
 * "Command", fills simple fields by their label (`idTag`, `transactionId` …) and the optional
 * timeout, submits (`command-submit`) and returns the id of the queued command, read from the
 * form's confirmation.
 */
export async function sendCommandFromUi(
  page: Page,
  action: string,
  fields: Record<string, string> = {},
  timeoutSeconds?: number,
): Promise<string> {
  const select = page.getByRole('combobox', { name: 'Command', exact: true });
  await select.click();
  await select.fill(action);
  await page.getByRole('option', { name: action, exact: true }).click();
  for (const [label, value] of Object.entries(fields)) {
    const input = page.getByLabel(new RegExp(`^${label}\\b`));
    await input.fill(value);
  }
  if (timeoutSeconds !== undefined) {
    await page.getByLabel(/^Timeout \(seconds/).fill(String(timeoutSeconds));
  }
  await page.getByTestId('command-submit').click();
  const confirmation = page.getByRole('status').filter({ hasText: /Command \S+ queued/ });
  await confirmation.waitFor({ timeout: 10_000 });
  const id = /Command (\S+) queued/.exec(await confirmation.innerText())?.[1];
  if (!id) throw new Error('no command id in the confirmation');
  return id;
}

/** Waits until the history row of command `id` reaches `state`; returns the row's visible text. */
export async function commandReaches(page: Page, id: string, state: string, timeoutMs: number): Promise<string> {
  const row = page.getByTestId(`command-row-${id}`);
  try {
    await whenShown(page, { selector: `[data-testid="command-row-${id}"][data-state="${state}"]` }, timeoutMs);
  } catch (error) {
    const shown =
      (await row.count()) > 0 ? `${await row.getAttribute('data-state')}: ${await row.innerText()}` : 'no row';
    throw new Error(`command ${id} did not reach ${state} in ${timeoutMs} ms (shows ${shown.replace(/\s+/g, ' ')})`, {
      cause: error,
    });
  }
  return row.innerText();
}
