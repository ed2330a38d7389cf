-- A tip closed because it was forwarded (close_reason REFERRED) reads "forwarded" to its tipster, not "closed": the
-- closing is the coordinators' bookkeeping, the forward is what happened to the tip. Still coarse: never which
-- destination (a receipt may be checked in front of the very person the tip is about), never the tier or the time.
CREATE OR REPLACE FUNCTION tipster_status(lookup bytea) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    SELECT CASE
               WHEN status = 'NEW' THEN 'RECEIVED'
               WHEN status = 'REFERRED' THEN 'FORWARDED'
               WHEN status = 'CLOSED' AND close_reason = 'REFERRED' THEN 'FORWARDED'
               WHEN status = 'CLOSED' THEN 'CLOSED'
               ELSE 'IN_REVIEW'
           END
    FROM tip
    WHERE receipt_lookup = lookup
$$;
