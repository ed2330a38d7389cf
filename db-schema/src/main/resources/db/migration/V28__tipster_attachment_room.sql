-- How many more files the tip whose receipt the tipster holds accepts right now (tipster_attach's limits: 20 in all,
-- 10 in any hour), or NULL for no such tip. Intake asks before it decodes anything: a tip at its limit used to have
-- every upload drawn and cleaned before tipster_attach refused it, so one receipt bought minutes of CPU per request.
CREATE FUNCTION tipster_attachment_room(lookup bytea) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    SELECT greatest(0, least(
               20 - (SELECT count(*) FROM tip_attachment a WHERE a.tip_id = t.id),
               10 - (SELECT count(*) FROM tip_attachment a
                     WHERE a.tip_id = t.id AND a.added_at > now() - interval '1 hour')))::integer
    FROM tip t
    WHERE t.receipt_lookup = lookup
$$;

REVOKE ALL ON FUNCTION tipster_attachment_room(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tipster_attachment_room(bytea) TO ${intakeRole};
