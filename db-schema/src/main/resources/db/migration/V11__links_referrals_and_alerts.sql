-- Links between tips: truncated blind indexes (BlindIndex) computed by triage in a staff session. An index value is
-- shared by many unrelated values, so these rows reveal no plate or phone number; matches are confirmed by decryption.
CREATE TABLE tip_blind_index (
    tip_id  uuid    NOT NULL REFERENCES tip (id) ON DELETE CASCADE,
    kind    text    NOT NULL,
    epoch   integer NOT NULL,
    value   integer NOT NULL,
    PRIMARY KEY (tip_id, kind, epoch, value)
);
CREATE INDEX tip_blind_index_lookup ON tip_blind_index (kind, epoch, value);

-- Which tips have been indexed, and under which epoch's key; a tip with nothing to index is recorded too.
CREATE TABLE tip_indexed (
    tip_id      uuid        PRIMARY KEY REFERENCES tip (id) ON DELETE CASCADE,
    epoch       integer     NOT NULL,
    indexed_at  timestamptz NOT NULL
);

-- Each tip's normalized link values, sealed under a key derived from the linking epoch's tip-line key
-- (SealedLinkTerms), so a candidate match is confirmed with one symmetric decryption in a staff session.
CREATE TABLE tip_link_terms (
    tip_id  uuid    PRIMARY KEY REFERENCES tip (id) ON DELETE CASCADE,
    epoch   integer NOT NULL,
    sealed  bytea   NOT NULL
);

-- Tips a coordinator judged to be about one case. A duplicate stays as filed and points at the tip it repeats.
CREATE TABLE tip_case (
    tip_id        uuid        PRIMARY KEY REFERENCES tip (id) ON DELETE CASCADE,
    case_id       uuid        NOT NULL,
    duplicate_of  uuid        REFERENCES tip (id) ON DELETE SET NULL,
    added_by      uuid        NOT NULL REFERENCES staff (id),
    added_at      timestamptz NOT NULL
);
CREATE INDEX tip_case_by_case ON tip_case (case_id);

-- How a referral reached its destination. A manual one records who took it and when; an email one is an outbox row:
-- the message is stored only as S/MIME ciphertext to the destination's certificate, until it is sent.
ALTER TABLE referral
    ADD COLUMN channel          text        NOT NULL DEFAULT 'PHONE',
    ADD COLUMN contact_person   text,
    ADD COLUMN contacted_at     timestamptz,
    ADD COLUMN delivery_status  text        NOT NULL DEFAULT 'RECORDED',
    ADD COLUMN recipient        text,
    ADD COLUMN smime_message    bytea,
    ADD COLUMN attempts         integer     NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at  timestamptz,
    ADD COLUMN last_error       text,
    ADD COLUMN delivered_at     timestamptz;
ALTER TABLE referral ALTER COLUMN reference_number DROP NOT NULL;
CREATE INDEX referral_due ON referral (next_attempt_at) WHERE delivery_status = 'QUEUED';
GRANT UPDATE (delivery_status, smime_message, attempts, next_attempt_at, last_error, delivered_at, reference_number)
    ON referral TO ${triageRole};

GRANT SELECT, INSERT, DELETE ON tip_blind_index TO ${triageRole};
GRANT SELECT, INSERT, UPDATE ON tip_indexed TO ${triageRole};
GRANT SELECT, INSERT, UPDATE ON tip_link_terms TO ${triageRole};
GRANT SELECT, INSERT, UPDATE ON tip_case TO ${triageRole};

-- Urgent alerts: the tiers that page the on-call channel (operators may change the rows).
CREATE TABLE alert_tier (tier text PRIMARY KEY);
INSERT INTO alert_tier VALUES ('IMMEDIATE'), ('MINOR');

-- A durable outbox: the row is written by the database in the same transaction as the tip, whoever inserts it, so
-- an alert exists even if triage is down when the tip arrives and is sent when triage is back.
CREATE TABLE alert_outbox (
    id               bigserial   PRIMARY KEY,
    tip_id           uuid        NOT NULL REFERENCES tip (id) ON DELETE CASCADE,
    tier             text        NOT NULL,
    channel          text        NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    status           text        NOT NULL DEFAULT 'PENDING',
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_error       text,
    delivered_at     timestamptz,
    UNIQUE (tip_id, channel)
);
CREATE INDEX alert_outbox_due ON alert_outbox (next_attempt_at) WHERE status = 'PENDING';

CREATE FUNCTION queue_urgent_alert() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF EXISTS (SELECT FROM alert_tier WHERE tier = NEW.urgency_tier) THEN
        INSERT INTO alert_outbox (tip_id, tier, channel)
        VALUES (NEW.id, NEW.urgency_tier, 'EMAIL'), (NEW.id, NEW.urgency_tier, 'WEBHOOK');
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION queue_urgent_alert() FROM PUBLIC;
CREATE TRIGGER tip_urgent_alert AFTER INSERT ON tip FOR EACH ROW EXECUTE FUNCTION queue_urgent_alert();

-- The digest covers the other tiers: each row is one digest, covering tips received in [covered_from, covered_until).
CREATE TABLE alert_digest (
    covered_until  timestamptz PRIMARY KEY,
    covered_from   timestamptz NOT NULL,
    tips           integer     NOT NULL,
    status         text        NOT NULL DEFAULT 'PENDING',
    attempts       integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error     text,
    delivered_at   timestamptz
);

GRANT SELECT ON alert_tier TO ${triageRole};
GRANT SELECT, UPDATE ON alert_outbox TO ${triageRole};
GRANT SELECT, INSERT, UPDATE ON alert_digest TO ${triageRole};
