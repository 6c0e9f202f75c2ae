import fs from 'node:fs';
import path from 'node:path';

/** AWS's SageMaker guide, read in place from ../shared (never copied into the repo). */
export const sagemakerDir = path.resolve(import.meta.dirname, '../../../shared/corpora/sagemaker-developer-guide/doc_source');
export const hasSagemaker = fs.existsSync(sagemakerDir);
if (!hasSagemaker) console.warn(`SageMaker corpus tests skipped: ${sagemakerDir} is absent (it comes from ../shared).`);
