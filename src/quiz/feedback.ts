import type Database from 'better-sqlite3';

/** 👍/👎 on an /ask answer: which section answered which question. */
export interface Feedback {
  guildId: string;
  userId: string;
  question: string;
  sectionId: string;
  vote: 'up' | 'down';
}

/** A user's later vote on the same question and section replaces the earlier one. */
export function recordFeedback(db: Database.Database, feedback: Feedback, now: number): void {
  db.prepare(
    `INSERT INTO feedback (guild_id, user_id, question, section_id, vote, voted_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (user_id, question, section_id) DO UPDATE SET guild_id = excluded.guild_id, vote = excluded.vote, voted_at = excluded.voted_at`,
  ).run(feedback.guildId, feedback.userId, feedback.question, feedback.sectionId, feedback.vote, now);
}

/** Every vote, oldest first. */
export function listFeedback(db: Database.Database): Feedback[] {
  const rows = db
    .prepare('SELECT guild_id, user_id, question, section_id, vote FROM feedback ORDER BY voted_at, rowid')
    .all() as {
    guild_id: string;
    user_id: string;
    question: string;
    section_id: string;
    vote: 'up' | 'down';
  }[];
  return rows.map((f) => ({
    guildId: f.guild_id,
    userId: f.user_id,
    question: f.question,
    sectionId: f.section_id,
    vote: f.vote,
  }));
}
