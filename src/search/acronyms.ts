import { acronymDefinitions } from './acronym-definitions.js';
import { tokenize } from './text.js';

/**
 * General domain abbreviations, for terms the notes use without spelling out. Anything the notes
 * define themselves ("Elastic Block Store (EBS)") is learned from the text instead.
 */
const knownAcronyms: Record<string, string> = {
  ec2: 'Elastic Compute Cloud',
  s3: 'Simple Storage Service',
  ebs: 'Elastic Block Store',
  efs: 'Elastic File System',
  iam: 'Identity and Access Management',
  kms: 'Key Management Service',
  vpc: 'Virtual Private Cloud',
  rds: 'Relational Database Service',
  sqs: 'Simple Queue Service',
  sns: 'Simple Notification Service',
  ses: 'Simple Email Service',
  acm: 'Certificate Manager',
  waf: 'Web Application Firewall',
  elb: 'Elastic Load Balancing',
  alb: 'Application Load Balancer',
  nlb: 'Network Load Balancer',
  ami: 'Amazon Machine Image',
  az: 'Availability Zone',
  cdn: 'Content Delivery Network',
  eks: 'Elastic Kubernetes Service',
  ecs: 'Elastic Container Service',
  ecr: 'Elastic Container Registry',
  emr: 'Elastic MapReduce',
  mfa: 'Multi-Factor Authentication',
  scp: 'Service Control Policy',
  sso: 'Single Sign-On',
  cur: 'Cost and Usage Report',
  tam: 'Technical Account Manager',
  caf: 'Cloud Adoption Framework',
  hpo: 'Hyperparameter Optimization',
  rcf: 'Random Cut Forest',
  gcs: 'Global Control Service',
  pca: 'Principal Component Analysis',
  knn: 'k-Nearest Neighbors',
  cnn: 'Convolutional Neural Network',
  rnn: 'Recurrent Neural Network',
  lstm: 'Long Short-Term Memory',
  nlp: 'Natural Language Processing',
  roc: 'Receiver Operating Characteristic',
  auc: 'Area Under the Curve',
  rmse: 'Root Mean Square Error',
  mae: 'Mean Absolute Error',
  smote: 'Synthetic Minority Oversampling Technique',
  etl: 'Extract Transform Load',
  iac: 'Infrastructure as Code',
  rl: 'Reinforcement Learning',
  gpu: 'Graphics Processing Unit',
};

/**
 * Chat shorthand for words the notes spell out ("k8s", "db", "algo", "on-prem"). One way only:
 * the full word in a question needs no help.
 */
export const shorthand: Record<string, string> = {
  k8s: 'Kubernetes',
  db: 'database',
  algo: 'algorithm',
  cert: 'certificate',
  config: 'configuration',
  env: 'environment',
  repo: 'repository',
  auth: 'authentication',
  authz: 'authorization',
  prod: 'production',
  dev: 'development',
  infra: 'infrastructure',
  perf: 'performance',
  msg: 'message',
  async: 'asynchronous',
  sync: 'synchronous',
  realtime: 'real time',
  builtin: 'built in',
  datacenter: 'data center',
  prem: 'premises',
  onprem: 'on premises',
  sklearn: 'scikit learn',
  sm: 'SageMaker',
  ram: 'memory',
  datacentre: 'data centre',
  dc: 'data center',
  hw: 'hardware',
  mgmt: 'management',
  tf: 'TensorFlow',
  hyperparam: 'hyperparameter',
  param: 'parameter',
  grad: 'gradient',
  ckpt: 'checkpoint',
  img: 'image',
  lr: 'learning rate',
  sg: 'security group',
  vm: 'virtual machine',
  os: 'operating system',
  nn: 'neural network',
  dl: 'deep learning',
  ml: 'machine learning',
  ai: 'artificial intelligence',
  stats: 'statistics',
  info: 'information',
  admin: 'administrator',
  docs: 'documentation',
  ci: 'continuous integration',
  cd: 'continuous delivery',
  ddos: 'distributed denial of service',
  ssl: 'TLS',
  pw: 'password',
  creds: 'credentials',
};

/** "EC2" stands for the initials E, C, C: a digit repeats the letter before it. */
export function initialsOf(acronym: string): string | null {
  let out = '';
  for (const ch of acronym.toLowerCase().replace(/[^a-z0-9]/g, '')) {
    if (/\d/.test(ch)) {
      const previous = out.at(-1);
      if (!previous) return null;
      out += previous.repeat(Math.max(0, Number(ch) - 1));
    } else out += ch;
  }
  return out.length >= 2 ? out : null;
}

const connector = new Set(['of', 'and', 'for', 'the', 'to', 'as', 'a', 'on', 'in', '&']);

/** The shortest run of words ending the phrase whose initials spell the acronym. */
function matchLongName(words: string[], acronym: string): string | null {
  const initials = initialsOf(acronym);
  if (!initials) return null;
  for (let start = words.length - 1; start >= 0 && words.length - start <= initials.length + 4; start--) {
    const run = words.slice(start);
    const letters = run
      .filter((w) => !connector.has(w.toLowerCase()))
      .map((w) => w[0]!.toLowerCase())
      .join('');
    if (letters === initials) return run.join(' ');
  }
  return null;
}

/** The "Long Name (ACRONYM)" pairs one text defines, in the order it defines them. */
export function acronymsIn(text: string): [acronym: string, longName: string][] {
  const found: [string, string][] = [];
  if (!text.includes('(')) return found;
  for (const { phrase, acronym } of acronymDefinitions(text, { fullWidth: false, spaceRequired: true })) {
    if (acronym.replace(/[^A-Z]/g, '').length < 2) continue;
    const longName = matchLongName(tokenize(phrase), acronym);
    if (longName) found.push([acronym, longName]);
  }
  return found;
}

/**
 * Learns acronym ↔ long-name pairs from text written as "Long Name (ACRONYM)", then adds the
 * general table. Returns lower-case acronym → long names. `pairsOf` reads one text (a reload
 * passes a memo of `acronymsIn`, so that unchanged sections are not read again).
 */
export function learnAcronyms(
  texts: Iterable<string>,
  pairsOf: (text: string) => [string, string][] = acronymsIn,
): Map<string, Set<string>> {
  const pairs = new Map<string, Set<string>>();
  const add = (acronym: string, longName: string): void => {
    const key = acronym.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (!pairs.has(key)) pairs.set(key, new Set());
    pairs.get(key)!.add(longName.toLowerCase());
  };
  for (const text of texts) for (const [acronym, longName] of pairsOf(text)) add(acronym, longName);
  for (const [acronym, longName] of Object.entries(knownAcronyms)) add(acronym, longName);
  return pairs;
}
