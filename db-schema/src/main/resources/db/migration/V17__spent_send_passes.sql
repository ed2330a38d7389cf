-- Each pass to send a tip (ADR 17) files at most one tip, across every intake replica: its id is spent here in the
-- transaction that files the tip. Rows hold a random id and an expiry, nothing about the tip or the sender, and are
-- removed once the pass could no longer be accepted anyway.
CREATE TABLE spent_send_pass (
    id          bytea       PRIMARY KEY CHECK (length(id) = 16),
    expires_at  timestamptz NOT NULL
);

CREATE INDEX spent_send_pass_expiry ON spent_send_pass (expires_at);

-- True when the pass was unspent and is now spent; false when it was spent already. Intake's only access to the
-- table: it cannot read, change or delete what other passes recorded. A pass is never kept beyond two hours.
CREATE FUNCTION spend_send_pass(pass bytea, expires timestamptz) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
BEGIN
    DELETE FROM spent_send_pass
    WHERE id IN (SELECT s.id FROM spent_send_pass s WHERE s.expires_at < now() LIMIT 100);
    INSERT INTO spent_send_pass (id, expires_at)
    VALUES (pass, least(expires, now() + interval '2 hours'))
    ON CONFLICT (id) DO NOTHING;
    RETURN FOUND;
END
$$;

REVOKE ALL ON FUNCTION spend_send_pass(bytea, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION spend_send_pass(bytea, timestamptz) TO ${intakeRole};
