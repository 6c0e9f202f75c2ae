import fs from 'node:fs';
import path from 'node:path';

/** AWS's SageMaker guide, read in place from ../shared (never copied into the repo). */
export const sagemakerDir = path.resolve(import.meta.dirname, '../../../shared/corpora/sagemaker-developer-guide/doc_source');
export const hasSagemaker = fs.existsSync(sagemakerDir);
if (!hasSagemaker) {
  console.warn(
    `SageMaker corpus tests skipped: ${sagemakerDir} is absent. They read AWS's SageMaker Developer Guide ` +
      '(the doc_source folder of awsdocs/amazon-sagemaker-developer-guide, CC BY-SA 4.0) in place from ' +
      '../shared/corpora/ beside the repo; put a copy there to run them.',
  );
}
