import { describe, expect, it } from 'vitest';
import { namesProduct, otherCloudProducts } from '../../src/search/other-clouds.js';

describe('other clouds’ products named in everyday words', () => {
  it('finds them as typed, in any case and spacing', () => {
    expect(otherCloudProducts('cosmos db consistency levels explained')).toEqual(['cosmos db']);
    expect(otherCloudProducts('deploy to Google App  Engine or Cloud Run?')).toEqual(['App  Engine', 'Cloud Run']);
  });

  it('leaves plain descriptions and parts of other words alone', () => {
    expect(otherCloudProducts('API Gateway is the front door to a serverless compute engine')).toEqual([]);
    expect(otherCloudProducts('the cosmos of services and a db')).toEqual([]);
    expect(otherCloudProducts('a bucket for cloud runtime logs')).toEqual([]);
  });

  it('sees whether a text names the product', () => {
    expect(namesProduct('Azure Cosmos DB is a multi-model database.', 'cosmos  db')).toBe(true);
    expect(namesProduct('DynamoDB is a key-value database.', 'cosmos db')).toBe(false);
  });
});
