-- Files a tipster adds: photos and PDFs, cleaned of metadata by intake, then sealed under their own data key wrapped
-- to the tip line's public key. Only the kind of file, its size and the day are in clear; never a file name.
CREATE TABLE tip_attachment (
    id           uuid        PRIMARY KEY,
    tip_id       uuid        NOT NULL REFERENCES tip (id) ON DELETE CASCADE,
    media_type   text        NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes   integer     NOT NULL CHECK (size_bytes >= 0),
    added_at     timestamptz NOT NULL DEFAULT now(),
    epoch        integer     NOT NULL REFERENCES tip_line_key (epoch),
    wrapped_key  bytea       NOT NULL,
    sealed       bytea       NOT NULL
);

CREATE INDEX tip_attachment_by_tip ON tip_attachment (tip_id, added_at);

GRANT SELECT ON tip_attachment TO ${triageRole};

-- Adds one file to the tip whose receipt the tipster holds. Returns ADDED, NO_SUCH_TIP or TOO_MANY: at most 20
-- files per tip, and at most 10 in any hour.
CREATE FUNCTION tipster_attach(lookup bytea, attachment_id uuid, kind text, size integer, key_epoch integer,
                               wrapped bytea, content bytea)
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
    IF (SELECT count(*) FROM tip_attachment a WHERE a.tip_id = target) >= 20
       OR (SELECT count(*) FROM tip_attachment a
           WHERE a.tip_id = target AND a.added_at > now() - interval '1 hour') >= 10 THEN
        RETURN 'TOO_MANY';
    END IF;
    INSERT INTO tip_attachment (id, tip_id, media_type, size_bytes, epoch, wrapped_key, sealed)
    VALUES (attachment_id, target, kind, size, key_epoch, wrapped, content);
    RETURN 'ADDED';
END
$$;

REVOKE ALL ON FUNCTION tipster_attach(bytea, uuid, text, integer, integer, bytea, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tipster_attach(bytea, uuid, text, integer, integer, bytea, bytea) TO ${intakeRole};
