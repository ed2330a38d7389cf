-- The Merkle frontier at each checkpoint: the roots of the tree's perfect subtrees, largest first, 32 bytes each. The
-- next checkpoint starts from it and reads only the entries sealed since, instead of the whole chain every interval.
-- It is trusted only when it hashes to the checkpoint's signed root; checkpoints older than this column have none,
-- and the first checkpoint after them reads the chain once.
ALTER TABLE audit_checkpoint ADD COLUMN frontier bytea;
