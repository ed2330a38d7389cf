-- The follow-up page's only read: the coarse status of the one tip whose receipt the tipster holds. Intake still
-- has no SELECT on any table; this function, running with its owner's rights, answers exactly one lookup id and
-- reveals nothing else (not the tier, not the time, not whether other tips exist).
CREATE FUNCTION tipster_status(lookup bytea) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    SELECT CASE status
               WHEN 'NEW' THEN 'RECEIVED'
               WHEN 'REFERRED' THEN 'FORWARDED'
               WHEN 'CLOSED' THEN 'CLOSED'
               ELSE 'IN_REVIEW'
           END
    FROM tip
    WHERE receipt_lookup = lookup
$$;

REVOKE ALL ON FUNCTION tipster_status(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tipster_status(bytea) TO ${intakeRole};
