-- A tipster's reply sent twice (a reload that posts the form again, a double tap, a retry after a lost response) is
-- stored once: the follow-up page gives each rendering of its reply form a fresh message id, and a second post with
-- that id finds the first. Checked before the hourly limit, so a repeat at the limit is still told it was received.
CREATE OR REPLACE FUNCTION tipster_reply(lookup bytea, message_id uuid, key_epoch integer, wrapped bytea,
                                         staff_copy bytea, tipster_copy bytea)
    RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
DECLARE
    target uuid;
BEGIN
    SELECT t.id INTO target FROM tip t WHERE t.receipt_lookup = lookup FOR UPDATE;
    IF target IS NULL THEN
        RETURN 'NO_SUCH_TIP';
    END IF;
    IF EXISTS (SELECT 1 FROM tip_message m WHERE m.id = message_id AND m.tip_id = target) THEN
        RETURN 'ALREADY_ADDED';
    END IF;
    IF (SELECT count(*) FROM tip_message m
        WHERE m.tip_id = target AND m.direction = 'FROM_TIPSTER' AND m.sent_at > now() - interval '1 hour') >= 10 THEN
        RETURN 'TOO_MANY';
    END IF;
    INSERT INTO tip_message (id, tip_id, direction, for_staff, for_tipster, epoch, wrapped_key)
    VALUES (message_id, target, 'FROM_TIPSTER', staff_copy, tipster_copy, key_epoch, wrapped)
    ON CONFLICT (id) DO NOTHING;
    IF NOT FOUND THEN
        -- The id belongs to another tip's message: only a forged post can hold one, and it stores nothing.
        RETURN 'ALREADY_ADDED';
    END IF;
    UPDATE tip SET status = 'IN_REVIEW', version = version + 1 WHERE id = target AND status = 'AWAITING_TIPSTER';
    RETURN 'ADDED';
END
$$;
