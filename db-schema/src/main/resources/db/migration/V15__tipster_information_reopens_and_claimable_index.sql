-- New information from a tipster on a closed tip is never lost (ADR 21). Whatever the tipster adds, through
-- tipster_reply or tipster_attach as the intake role, a closed tip goes back into review (its retention clock stops)
-- and, in a tier that pages the on-call channel, the alert is sent again. It runs as the owner, like the alert trigger,
-- so the intake role gains no right to change tips.
CREATE FUNCTION reopen_on_tipster_information() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    reopened tip%ROWTYPE;
BEGIN
    UPDATE tip SET status = 'IN_REVIEW', close_reason = NULL, closed_at = NULL, version = version + 1
    WHERE id = NEW.tip_id AND status = 'CLOSED'
    RETURNING * INTO reopened;
    IF FOUND AND EXISTS (SELECT FROM alert_tier WHERE tier = reopened.urgency_tier) THEN
        INSERT INTO alert_outbox (tip_id, tier, channel)
        VALUES (reopened.id, reopened.urgency_tier, 'EMAIL'), (reopened.id, reopened.urgency_tier, 'WEBHOOK')
        ON CONFLICT (tip_id, channel) DO UPDATE
            SET status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL, delivered_at = NULL,
                created_at = now(), tier = excluded.tier;
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION reopen_on_tipster_information() FROM PUBLIC;
CREATE TRIGGER tip_message_reopens AFTER INSERT ON tip_message
    FOR EACH ROW WHEN (NEW.direction = 'FROM_TIPSTER') EXECUTE FUNCTION reopen_on_tipster_information();
CREATE TRIGGER tip_attachment_reopens AFTER INSERT ON tip_attachment
    FOR EACH ROW EXECUTE FUNCTION reopen_on_tipster_information();

-- "Take the next tip" serves any tip nobody holds that is not closed, most urgent and oldest first (it was NEW only).
DROP INDEX tip_claimable;
CREATE INDEX tip_claimable ON tip (urgency_rank, received_at, id) WHERE assignee IS NULL AND status <> 'CLOSED';
