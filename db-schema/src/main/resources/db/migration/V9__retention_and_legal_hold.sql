-- Retention: closed and forwarded tips are purged after configured periods unless a supervisor has put them on legal
-- hold. A purge deletes the tip row; its wrapped data key, content, notes, messages, files and read markers go with it
-- (ON DELETE CASCADE), which crypto-shreds everything, and the tipster's receipt finds nothing any more. Audit
-- entries keep the tip's id and the purge itself.
ALTER TABLE tip
    ADD COLUMN legal_hold boolean     NOT NULL DEFAULT false,
    ADD COLUMN closed_at  timestamptz;

UPDATE tip SET closed_at = now() WHERE status = 'CLOSED';

GRANT DELETE ON tip TO ${triageRole};
