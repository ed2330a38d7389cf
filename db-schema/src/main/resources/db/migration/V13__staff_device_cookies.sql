-- OWASP device cookies (ADR 18): a browser where a staff member completed a full sign-in keeps a random token; only
-- its SHA-256 is stored. Attempts that present it are throttled by this row's own failures, never by strangers'.
-- Kept in PostgreSQL so every triage replica agrees on each budget.
CREATE TABLE staff_device (
    token_hash          bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    staff_id            uuid        NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at          timestamptz NOT NULL DEFAULT now(),
    failed_sign_ins     integer     NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    last_failed_sign_in timestamptz
);
CREATE INDEX staff_device_staff ON staff_device (staff_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON staff_device TO ${triageRole};
