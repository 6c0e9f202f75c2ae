import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { fillerSections, libraryFrom } from '../helpers/sections.js';

// A word of letters and digits the notes never use names something ("imdsv2", "p4d", "bf16"):
// missing where the best section lacks it, unless the section writes it in pieces ("Route 53").
const index = buildIndex(
  libraryFrom({
    'compute.md': `# Compute

## Notebook instances and metadata

Notebook instances run on managed compute. Restrict root access to notebook instances, and
enforce access controls with IAM condition keys on every instance in the account.

## DNS routing

Route 53 routing policies: failover sends traffic to a standby when the health check of the
primary fails; weighted splits traffic between records.

## Mixed precision

Training in bfloat16 halves activation memory on recent accelerators without loss scaling.

## Exam details

The MLA-C01 exam is for people with a year of experience building ML solutions on AWS.

${fillerSections(['Storage', 'Networking', 'Monitoring', 'Billing'])}`,
  }).sections,
);

describe('Missing line: a name of letters and digits', () => {
  it('names one the notes never use, however little of the question it is', () => {
    const outcome = search(index, 'imdsv2 on sagemaker notebook instances, how do we enforce it for every instance', 3);
    expect(outcome.hits[0]?.section.id).toBe('compute#notebook-instances-and-metadata');
    expect(outcome.missing).toContain('imdsv2');
  });

  it('leaves one the section writes in pieces: letters and digits apart, letters starting a word', () => {
    for (const [question, id, word] of [
      ['route53 failover routing policy with a standby', 'compute#dns-routing', 'route53'],
      ['which r53 routing policy fails over to a standby', 'compute#dns-routing', 'r53'],
      ['does bf16 halve activation memory in mixed precision training', 'compute#mixed-precision', 'bf16'],
      // A letter O between a letter and a digit is a zero mistyped.
      ['how much experience does the mla-co1 exam expect', 'compute#exam-details', 'co1'],
    ] as const) {
      const outcome = search(index, question, 3);
      expect(outcome.hits[0]?.section.id, question).toBe(id);
      expect(outcome.missing, question).not.toContain(word);
    }
  });
});
