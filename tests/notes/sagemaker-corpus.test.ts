import { describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import { hasSagemaker, sagemakerDir } from '../helpers/corpus.js';

describe.skipIf(!hasSagemaker)('SageMaker developer guide corpus (real noisy Markdown)', () => {
  const library = hasSagemaker ? loadNotes({ root: sagemakerDir }) : undefined!;

  it('loads every file into notes and sections', () => {
    expect(library.files).toBe(1284);
    expect(library.notes).toHaveLength(1284);
    expect(library.sections).toHaveLength(6127);
  });

  it('keeps <a name> tags out of titles, headings and text, and uses them as anchors', () => {
    for (const section of library.sections) {
      expect(section.heading).not.toMatch(/<a\s|<\/a>/);
      expect(section.text).not.toMatch(/<a name=/);
    }
    const pricing = library.sections.find((s) => s.id === 'whatis#whatis-pricing')!;
    expect(pricing.heading).toBe('Amazon SageMaker Pricing');
    expect(library.notes.find((n) => n.route === 'whatis')!.title).toBe('What Is Amazon SageMaker?');
  });

  it('undoes backslash escapes in plain text', () => {
    const withEscapes = library.sections.filter((s) => s.markdown.includes('open\\-source'));
    expect(withEscapes.length).toBeGreaterThan(0);
    for (const section of withEscapes) {
      expect(section.text).toContain('open-source');
      expect(section.text).not.toContain('open\\-source');
    }
  });

  it('reads the links-only index.md as a note with sections', () => {
    const index = library.notes.find((n) => n.route === '')!;
    expect(index.title).toBe('Amazon SageMaker Developer Guide');
    expect(index.sections.length).toBeGreaterThan(0);
    expect(index.sections.some((s) => s.text.includes('What Is Amazon SageMaker?'))).toBe(true);
  });

  it('check reports only real problems: links to anchors no page defines, pages missing from the guide, headings without text', () => {
    const lines = library.problems.map((p) => `${p.file}:${p.line}: ${p.severity ?? 'error'}: ${p.message}`);
    expect(lines).toEqual([
      'appendix-notebook-and-internet-access.md:9: warning: duplicate section id "appendix-notebook-and-internet-access#appendix-notebook-and-internet-access-default"',
      'augmented-manifest.md:52: error: link "your-algorithms-training-algo.html#your-algorithms-training-algo-running-container-inputdataconfig" points to a missing section #your-algorithms-training-algo-running-container-inputdataconfig',
      'autopilot-automate-model-development-container-output.md:9: error: link "sagemaker/latest/dg/autopilot-model-support-validation.html#autopilot-training-mode" points to a page that does not exist',
      'autopilot-automate-model-development-container-output.md:9: error: link "sagemaker/latest/dg/autopilot-datasets-problem-types.html#autopilot-problem-types" points to a page that does not exist',
      'autopilot-reference.md:9: warning: heading has no text',
      'clarify-processing-job-run-troubleshooting.md:64: warning: duplicate section id "clarify-processing-job-run-troubleshooting#clarify-troubleshooting-TBD"',
      'data-wrangler-import.md:1219: warning: heading has no text',
      'data-wrangler-import.md:1231: warning: heading has no text',
      'data-wrangler-import.md:1253: warning: heading has no text',
      'debugger-best-practices.md:60: error: link "debugger-built-in-rules.md#built-in-rules-monitoring" points to a missing section #built-in-rules-monitoring',
      'debugger-best-practices.md:68: error: link "debugger-built-in-rules.md#built-in-rules-profiling" points to a missing section #built-in-rules-profiling',
      'debugger-best-practices.md:76: error: link "debugger-built-in-rules.md#built-in-rules-debugging" points to a missing section #built-in-rules-debugging',
      'debugger-considerations.md:50: warning: duplicate section id "debugger-considerations#debugger-considerations-debug"',
      'debugger-on-studio-insights-controllers.md:17: error: link "debugger-built-in-rules.md#built-in-rules-monitoring" points to a missing section #built-in-rules-monitoring',
      'debugger-report.md:15: error: link "debugger-built-in-rules.md#built-in-rules-monitoring" points to a missing section #built-in-rules-monitoring',
      'debugger-videos.md:20: warning: duplicate section id "debugger-videos#debugger-video-get-started"',
      'define-pipeline.md:381: warning: duplicate section id "define-pipeline#define-pipeline-processing"',
      'distributed-training.md:149: warning: duplicate section id "distributed-training#distributed-training-strategies"',
      'distributed-training.md:197: warning: duplicate section id "distributed-training#distributed-training-optimize"',
      'domain-groups.md:32: warning: duplicate section id "domain-groups#domain-groups-add"',
      'edge-getting-started-step1.md:148: error: link "IAM/latest/UserGuide/id_roles_terms-and-concepts.html" points to a page that does not exist',
      'kNN-inference-formats.md:106: warning: duplicate section id "kNN-inference-formats#kNN-output-recordio"',
      'model-cards-sdk.md:173: warning: duplicate section id "model-cards-sdk#model-cards-sdk-delete"',
      'model-parallel-extended-features-pytorch-sharded-data-parallelism.md:94: error: link "#sharded-data-parallelism-smddp-collectives-supported-config" points to a missing section #sharded-data-parallelism-smddp-collectives-supported-config',
      'model-parallel-extended-features-pytorch-sharded-data-parallelism.md:100: error: link "#sharded-data-parallelism-smddp-collectives-supported-config" points to a missing section #sharded-data-parallelism-smddp-collectives-supported-config',
      'neo-deployment-hosting-services-container-images.md:57: warning: duplicate section id "neo-deployment-hosting-services-container-images#inference-container-collapse-keras"',
      'rstudio-troubleshooting.md:23: warning: duplicate section id "rstudio-troubleshooting#rstudio-troubleshooting-logs"',
      'search.md:129: warning: duplicate section id "search#search-organize-api"',
      'sms-create-labeling-job-console.md:28: warning: heading has no text',
      'sms-reusing-data.md:13: warning: heading has no text',
      'sms-security-permission-console-access.md:129: error: link "sagemaker/latest/APIReference/API_Operations.html" points to a page that does not exist',
      'sms-verification-data.md:182: warning: heading has no text',
      'sms-video-overview.md:77: warning: duplicate section id "sms-video-overview#sms-video-label-attributes"',
      'studio-launch.md:56: warning: duplicate section id "studio-launch#studio-launch-console-domain"',
      'train-debugger.md:39: error: link "debugger-enable-tensorboard-summaries.md#debugger-enable-tensorboard-summaries.title" points to a missing section #debugger-enable-tensorboard-summaries.title',
      'xaccount-lineage-tracking.md:21: warning: duplicate section id "xaccount-lineage-tracking#setup-xaccount-lineage-tracking"',
    ]);
    // Inline <a name> anchors and each page's H1 anchor are link targets (doc-history.md links to them all).
    expect(lines.some((l) => l.startsWith('doc-history.md'))).toBe(false);
  });
});
