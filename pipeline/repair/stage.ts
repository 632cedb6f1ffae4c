import { addMessage } from '../source-file.js';
import type { Stage } from '../stage.js';
import { loadRepairer } from './load.js';
import type { Repairer } from './repairer.js';

/**
 * The repair stage: each page's raw text stays as loaded, page.text becomes the repaired text
 * and page.repairs lists every change (repaired span, raw span, from → to, confidence).
 */
export const repairPages: Stage = async (file, ctx) => {
  const repairer = await ctx.services.get<Repairer>('repairer', loadRepairer);
  for (const page of file.pages) {
    if (ctx.signal.aborted) return;
    const { text, repairs } = repairer.repair(page.raw);
    page.text = text;
    page.repairs = repairs;
    if (!repairs.length) continue;
    const shown = repairs.slice(0, 8).map((r) => `${r.from}→${r.to}`).join(', ');
    const doubtful = repairs.filter((r) => r.confidence < 0.6).length;
    addMessage(file, 'repair', `${repairs.length} words repaired (${doubtful} doubtful): ${shown}${repairs.length > 8 ? ', …' : ''}`, {
      page: page.n,
      span: [repairs[0].span[0], repairs[repairs.length - 1].span[1]],
      level: 'info',
    });
  }
};
