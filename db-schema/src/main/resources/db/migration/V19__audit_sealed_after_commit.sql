-- Audit entries commit with their action under a sequence; one sealer links them after commit (ADR 23).
-- CACHE 1 (the default) hands values out in call order across sessions, which the sealer's gap rule relies on.
CREATE SEQUENCE audit_entry_sequence AS bigint MINVALUE 1 CACHE 1 OWNED BY audit_entry.sequence;
SELECT setval('audit_entry_sequence', coalesce((SELECT max(sequence) FROM audit_entry), 0) + 1, false);
ALTER TABLE audit_entry ALTER COLUMN sequence SET DEFAULT nextval('audit_entry_sequence');

-- The chain: position is dense from 1 in sealing order; link = SHA-256(0x01 || previous link || leaf hash).
-- Entries sealed before V19 keep their link (their sequence had no gaps, so position = sequence).
CREATE TABLE audit_seal (
    position  bigint PRIMARY KEY CHECK (position > 0),
    sequence  bigint NOT NULL UNIQUE REFERENCES audit_entry (sequence) ON DELETE CASCADE ON UPDATE CASCADE,
    link      bytea  NOT NULL
);
INSERT INTO audit_seal (position, sequence, link) SELECT sequence, sequence, link FROM audit_entry;
ALTER TABLE audit_entry DROP COLUMN link;

GRANT USAGE ON SEQUENCE audit_entry_sequence TO ${triageRole};
GRANT SELECT, INSERT ON audit_seal TO ${triageRole};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_seal FROM ${triageRole};
