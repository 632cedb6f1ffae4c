import { z } from 'zod';

// The export contract (shared/contract/export.md) as a schema: tests validate every export with it.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const period = z.object({ start: isoDate.nullable(), end: isoDate.nullable() }).strict();

export const evidenceSchema = z.object({
  page: z.number().int().min(1),
  span: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
  raw: z.string(),
  confidence: z.number().min(0).max(1),
  extractor: z.string().min(1),
  corrected: z.object({ by: z.string(), at: z.string(), previous: z.any() }).nullable(),
});

export const documentSchema = z.object({
  id: z.string().min(1),
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pages: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
  kind: z.enum(['decision', 'application', 'other']),
  language: z.string().regex(/^([a-z]{3})$/),
  title: z.string().nullable(),
  owner: z.string().nullable(),
  partners: z.array(z.string()),
  municipalities: z.array(z.string()),
  period,
  amount_sek: z.number().int().nullable(),
  outcome: z.enum(['granted', 'rejected']).nullable(),
  applied: z.object({ period: period.nullable(), amount_sek: z.number().int().nullable() }).nullable(),
  goals: z.array(z.object({ kind: z.enum(['overall', 'effect', 'activity', 'result']), text: z.string().min(1) })),
  staffing: z.array(z.object({ role: z.string(), percent: z.number().nullable(), count: z.number().int().min(1) })),
  participants_per_year: z.number().nullable(),
  budget: z.object({ total_sek: z.number().nullable(), lines: z.array(z.object({ label: z.string(), amount_sek: z.number() })) }).nullable(),
  signatories: z.array(z.object({ name: z.string().nullable(), role: z.string().nullable(), organisation: z.string().nullable(), date: isoDate.nullable() })),
  ocr: z.object({ used: z.boolean(), mean_confidence: z.number().min(0).max(1).nullable() }),
  text: z.string(),
  provenance: z.record(z.string(), z.array(evidenceSchema)),
});

export const exportSchema = z.object({
  schema: z.literal('arende.export/1'),
  documents: z.array(documentSchema),
  cases: z.array(z.object({ id: z.string(), title: z.string(), decision: z.string().nullable(), application: z.string().nullable() })),
  flags: z.array(z.object({
    code: z.enum(['amount_mismatch', 'period_mismatch', 'owner_mismatch', 'partners_mismatch', 'title_mismatch', 'staffing_mismatch', 'participants_mismatch', 'budget_sum_mismatch', 'invalid_period']),
    document: z.string(), other_document: z.string().nullable(), field: z.string(), values: z.tuple([z.any(), z.any()]), message: z.string().min(1),
  })),
  rejected: z.array(z.object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(), reason: z.string().min(1) })),
});
