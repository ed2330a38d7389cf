-- Staff sign-in: a second factor, first-sign-in duties and per-account throttling.
-- The TOTP secret is sealed to the staff member's own personal public key: the server can read it only after the
-- password has unlocked that key, so a copy of the database holds no usable second factor.
ALTER TABLE staff
    ADD COLUMN must_change_password boolean     NOT NULL DEFAULT true,
    ADD COLUMN totp_sealed          bytea,
    ADD COLUMN totp_last_step       bigint      NOT NULL DEFAULT 0,
    ADD COLUMN failed_sign_ins      integer     NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    ADD COLUMN last_failed_sign_in  timestamptz;

GRANT UPDATE (locked_private_key, must_change_password, totp_sealed, totp_last_step, failed_sign_ins,
              last_failed_sign_in) ON staff TO ${triageRole};

-- Queue handling. The type of place is stored in clear next to the tier (ADR 9): a coarse category the queue is
-- filtered by, chosen from seven options, never free text.
ALTER TABLE tip
    ADD COLUMN place_type      text CHECK (place_type ~ '^[a-z0-9-]{1,40}$'),
    ADD COLUMN assignee        uuid REFERENCES staff (id),
    ADD COLUMN first_looked_at timestamptz,
    ADD COLUMN close_reason    text CHECK (close_reason IN
        ('REFERRED', 'INSUFFICIENT', 'DUPLICATE', 'NOT_TRAFFICKING', 'SPAM')),
    ADD COLUMN labels          text[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT tip_closed_has_reason CHECK ((status = 'CLOSED') = (close_reason IS NOT NULL));

-- "Take next" reads only unclaimed new tips, most urgent and oldest first.
CREATE INDEX tip_claimable ON tip (urgency_rank, received_at) WHERE status = 'NEW' AND assignee IS NULL;

-- A coordinator's note, sealed under the tip's own data key (field "note:<id>"): shredding the tip shreds its notes.
CREATE TABLE tip_note (
    id          uuid        PRIMARY KEY,
    tip_id      uuid        NOT NULL REFERENCES tip (id) ON DELETE CASCADE,
    author      uuid        NOT NULL REFERENCES staff (id),
    written_at  timestamptz NOT NULL DEFAULT now(),
    sealed      bytea       NOT NULL
);

CREATE INDEX tip_note_by_tip ON tip_note (tip_id, written_at);

-- The conversation with the tipster. Every message exists twice, sealed: for_tipster to the tipster's
-- receipt-derived key, for_staff under a key staff can open. A coordinator's question uses the tip's data key
-- (field "message:<id>"); a tipster's answer, written by intake which holds no data key, uses its own data key
-- wrapped to the tip line's public key (epoch, wrapped_key), so key rotation re-wraps it like a tip's.
CREATE TABLE tip_message (
    id           uuid        PRIMARY KEY,
    tip_id       uuid        NOT NULL REFERENCES tip (id) ON DELETE CASCADE,
    direction    text        NOT NULL CHECK (direction IN ('TO_TIPSTER', 'FROM_TIPSTER')),
    sent_at      timestamptz NOT NULL DEFAULT now(),
    author       uuid        REFERENCES staff (id),
    for_staff    bytea       NOT NULL,
    for_tipster  bytea       NOT NULL,
    epoch        integer     REFERENCES tip_line_key (epoch),
    wrapped_key  bytea,
    CHECK ((direction = 'FROM_TIPSTER') = (wrapped_key IS NOT NULL AND epoch IS NOT NULL AND author IS NULL))
);

CREATE INDEX tip_message_by_tip ON tip_message (tip_id, sent_at);

-- When each staff member last looked at a tip: the queue marks tips with newer tipster messages as unread.
CREATE TABLE tip_seen (
    staff_id  uuid        NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    tip_id    uuid        NOT NULL REFERENCES tip (id) ON DELETE CASCADE,
    seen_at   timestamptz NOT NULL,
    PRIMARY KEY (staff_id, tip_id)
);

GRANT SELECT, INSERT ON tip_note, tip_message TO ${triageRole};
GRANT SELECT, INSERT, UPDATE ON tip_seen TO ${triageRole};

-- The follow-up page's conversation, for the one tip whose receipt the tipster holds. Only the tipster's copies
-- leave the database, and only their ids, directions and days.
CREATE FUNCTION tipster_messages(lookup bytea)
    RETURNS TABLE (id uuid, direction text, sent_on date, for_tipster bytea)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    SELECT m.id, m.direction, (m.sent_at AT TIME ZONE 'UTC')::date, m.for_tipster
    FROM tip_message m JOIN tip t ON t.id = m.tip_id
    WHERE t.receipt_lookup = lookup
    ORDER BY m.sent_at, m.id
$$;

-- A tipster's answer or added information. Returns ADDED, NO_SUCH_TIP or TOO_MANY (a bounded per-receipt rate:
-- at most 10 in any hour). An answer puts a tip that was waiting on the tipster back into review.
CREATE FUNCTION tipster_reply(lookup bytea, message_id uuid, key_epoch integer, wrapped bytea,
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
    IF (SELECT count(*) FROM tip_message m
        WHERE m.tip_id = target AND m.direction = 'FROM_TIPSTER' AND m.sent_at > now() - interval '1 hour') >= 10 THEN
        RETURN 'TOO_MANY';
    END IF;
    INSERT INTO tip_message (id, tip_id, direction, for_staff, for_tipster, epoch, wrapped_key)
    VALUES (message_id, target, 'FROM_TIPSTER', staff_copy, tipster_copy, key_epoch, wrapped);
    UPDATE tip SET status = 'IN_REVIEW', version = version + 1 WHERE id = target AND status = 'AWAITING_TIPSTER';
    RETURN 'ADDED';
END
$$;

REVOKE ALL ON FUNCTION tipster_messages(bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION tipster_reply(bytea, uuid, integer, bytea, bytea, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tipster_messages(bytea) TO ${intakeRole};
GRANT EXECUTE ON FUNCTION tipster_reply(bytea, uuid, integer, bytea, bytea, bytea) TO ${intakeRole};
