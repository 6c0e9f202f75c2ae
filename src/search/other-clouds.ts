// Other clouds' products whose names are everyday English words ("Cosmos DB", "App Engine"), so
// that neither the names test nor the everyday-English test (missing.ts) can tell them from chat.
// Taken from the public product lists of Microsoft Azure (azure.microsoft.com/products) and Google
// Cloud (cloud.google.com/products); names that are also plain descriptions ("Front Door",
// "Compute Engine", "Cloud Storage", "Service Bus", "Blob Storage") are left out, and so are names
// with a word no English speaker uses ("BigQuery", "Firestore"), which the names test finds.
const products = [
  // Microsoft Azure
  'cosmos db',
  'key vault',
  'event hubs',
  'event grid',
  'logic apps',
  'data factory',
  'synapse analytics',
  'container apps',
  'static web apps',
  // Google Cloud
  'app engine',
  'cloud run',
  'kubernetes engine',
  'spanner',
  'cloud build',
  'cloud armor',
];

// One fixed alternation of literal phrases between word boundaries: linear time.
const productPattern = new RegExp(String.raw`\b(?:${products.map((p) => p.replace(/ /g, '\\s+')).join('|')})\b`, 'gi');

/** The other clouds' product names the text holds, as written (case kept, spaces as typed). */
export function otherCloudProducts(text: string): string[] {
  return [...text.matchAll(productPattern)].map((m) => m[0]);
}

/** Whether the text names the product (any case, any spacing). */
export function namesProduct(text: string, product: string): boolean {
  const words = product.toLowerCase().split(/\s+/);
  return new RegExp(String.raw`\b${words.join(String.raw`\s+`)}\b`, 'i').test(text);
}
