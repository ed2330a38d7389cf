-- Signed Merkle checkpoints of the audit chain (RFC 9162 hashing, Ed25519 under a key kept apart from tip keys).
-- Each is also exported as text for anchoring outside the database; removing entries from the end of the chain is
-- detected against the newest checkpoint.
CREATE TABLE audit_checkpoint (
    tree_size   bigint      PRIMARY KEY CHECK (tree_size > 0),
    root        bytea       NOT NULL,
    issued_at   timestamptz NOT NULL,
    signature   bytea       NOT NULL
);

GRANT SELECT, INSERT ON audit_checkpoint TO ${triageRole};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_checkpoint FROM ${triageRole};
