-- A tip sent twice shows its receipt again only soon after it was filed (ADR 17 addendum): a double click or a lost
-- response is repeated within seconds, while the same form posted again hours later (Back and "resubmit" on a phone
-- someone else now holds) must not reveal the receipt that opens the tip's conversation. Intake cannot read tips;
-- this function answers one yes or no for the one lookup id it already holds, measured on the database's clock.
CREATE FUNCTION tip_filed_within(lookup bytea, recent interval) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    SELECT EXISTS (SELECT 1 FROM tip WHERE receipt_lookup = lookup AND received_at > now() - recent)
$$;

REVOKE ALL ON FUNCTION tip_filed_within(bytea, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tip_filed_within(bytea, interval) TO ${intakeRole};
