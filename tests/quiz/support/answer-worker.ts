/**
 * A second bot process answering the same round, for the concurrency test. Prints "ready",
 * waits for the go file, answers for all users starting at its offset, prints the results.
 */
import fs from 'node:fs';
import { openQuizStore } from '../../../src/quiz/quiz-store.js';

const [file = '', roundId = '', goFile = '', offsetText = '0', usersText = '50'] = process.argv.slice(2);
const offset = Number(offsetText);
const users = Number(usersText);
const store = openQuizStore(file);
process.stdout.write('ready\n');
while (!fs.existsSync(goFile)) await new Promise((resolve) => setTimeout(resolve, 2));
const results: { user: string; status: string }[] = [];
for (let k = 0; k < users; k++) {
  const i = (k + offset) % users;
  const user = `u${i}`;
  results.push({ user, status: store.recordAnswer(roundId, user, i % 3, Date.now()).status });
}
store.close();
process.stdout.write(`${JSON.stringify(results)}\n`);
