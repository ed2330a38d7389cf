-- The follow-up page dated each message by its UTC day, so a question sent on an evening in the Americas read as
-- the next day. The caller names the deployment's zone (seeds' deployment.timeZone); still only the day leaves the
-- database, never the time.
DROP FUNCTION tipster_messages(bytea);

CREATE FUNCTION tipster_messages(lookup bytea, zone text)
    RETURNS TABLE (id uuid, direction text, sent_on date, for_tipster bytea)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    SELECT m.id, m.direction, (m.sent_at AT TIME ZONE zone)::date, m.for_tipster
    FROM tip_message m JOIN tip t ON t.id = m.tip_id
    WHERE t.receipt_lookup = lookup
    ORDER BY m.sent_at, m.id
$$;

REVOKE ALL ON FUNCTION tipster_messages(bytea, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tipster_messages(bytea, text) TO ${intakeRole};
