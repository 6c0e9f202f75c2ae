import fs from 'node:fs';
import path from 'node:path';

/** AWS's SageMaker guide, read in place from ../shared (never copied into the repo). */
export const sagemakerDir = path.resolve(
  import.meta.dirname,
  '../../../shared/corpora/sagemaker-developer-guide/doc_source',
);
export const hasSagemaker = fs.existsSync(sagemakerDir);
if (!hasSagemaker) {
  console.warn(
    `SageMaker corpus tests skipped: ${sagemakerDir} is absent. They read AWS's SageMaker Developer Guide ` +
      '(the doc_source folder of awsdocs/amazon-sagemaker-developer-guide, CC BY-SA 4.0) in place from ' +
      '../shared/corpora/ beside the repo; put a copy there to run them.',
  );
}

/** Three real notes folders (Nextra 4 app router, Nextra 4 content/ with i18n, Docusaurus in Chinese), read in place. */
export const realNotesDir = path.resolve(import.meta.dirname, '../../../shared/corpora/real-notes');
export const hasRealNotes = fs.existsSync(realNotesDir);
if (!hasRealNotes) {
  console.warn(
    `Real notes folder tests skipped: ${realNotesDir} is absent. They read three MIT-licensed notes folders ` +
      '(shuding/nextra docs/app and examples/swr-site/content, Bosh-Kuo/Bosh-Docusaurus-Dev-Notes docs) in place ' +
      'from ../shared/corpora/real-notes/ beside the repo; put copies there to run them.',
  );
}
