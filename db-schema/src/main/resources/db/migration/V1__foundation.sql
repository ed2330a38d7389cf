-- Tipline foundation schema. Applied by triage-service as the owner role.
-- Tip content never appears in clear: tip_content holds AES-256-GCM ciphertext, tip_data_key holds the per-tip
-- data key sealed with HPKE to the tip line's public key. Only the urgency tier is derived from content in clear.

-- Application roles are created here when missing so a fresh database works; operators may pre-create them with
-- passwords (deploy/sql/roles.sql). A role without a password cannot sign in under password authentication.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${intakeRole}') THEN
        CREATE ROLE ${intakeRole} LOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${triageRole}') THEN
        CREATE ROLE ${triageRole} LOGIN;
    END IF;
END
$$;

CREATE TABLE tip_line_key (
    epoch       integer     PRIMARY KEY,
    kem_id      integer     NOT NULL,
    public_key  bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz
);

CREATE TABLE staff (
    id                   uuid        PRIMARY KEY,
    username             text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    display_name         text        NOT NULL,
    enabled              boolean     NOT NULL DEFAULT true,
    kem_id               integer     NOT NULL,
    public_key           bytea       NOT NULL,
    locked_private_key   bytea       NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_role (
    staff_id  uuid NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    role      text NOT NULL CHECK (role IN ('COORDINATOR', 'SUPERVISOR', 'ADMIN')),
    PRIMARY KEY (staff_id, role)
);

-- The tip-line private key of an epoch, sealed to one staff member's personal key.
CREATE TABLE key_grant (
    staff_id    uuid        NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    epoch       integer     NOT NULL REFERENCES tip_line_key (epoch),
    sealed_key  bytea       NOT NULL,
    granted_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (staff_id, epoch)
);

CREATE TABLE tip (
    id                          uuid        PRIMARY KEY,
    received_at                 timestamptz NOT NULL DEFAULT now(),
    urgency_tier                text        NOT NULL,
    urgency_rank                integer     NOT NULL,
    child_protection_required   boolean     NOT NULL,
    status                      text        NOT NULL DEFAULT 'NEW'
        CHECK (status IN ('NEW', 'IN_REVIEW', 'AWAITING_TIPSTER', 'REFERRED', 'CLOSED')),
    schema_version              integer     NOT NULL,
    receipt_lookup              bytea       NOT NULL UNIQUE,
    version                     integer     NOT NULL DEFAULT 0
);

CREATE INDEX tip_queue_order ON tip (urgency_rank, received_at) WHERE status <> 'CLOSED';

-- Deleting a tip's row here crypto-shreds its content: nothing else can open it.
CREATE TABLE tip_data_key (
    tip_id   uuid    PRIMARY KEY REFERENCES tip (id) ON DELETE CASCADE,
    epoch    integer NOT NULL REFERENCES tip_line_key (epoch),
    wrapped  bytea   NOT NULL
);

CREATE TABLE tip_content (
    tip_id  uuid  NOT NULL REFERENCES tip (id) ON DELETE CASCADE,
    field   text  NOT NULL,
    sealed  bytea NOT NULL,
    PRIMARY KEY (tip_id, field)
);

CREATE TABLE referral (
    id                uuid        PRIMARY KEY,
    tip_id            uuid        NOT NULL REFERENCES tip (id) ON DELETE CASCADE,
    destination_id    text        NOT NULL,
    reference_number  text        NOT NULL,
    recorded_by       uuid        NOT NULL REFERENCES staff (id),
    recorded_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX referral_by_tip ON referral (tip_id, recorded_at);

-- Append-only: the triage role may INSERT and SELECT, never UPDATE, DELETE or TRUNCATE. Entries hold ids and actions,
-- never tip content. link = SHA-256(0x01 || previous link || SHA-256(0x00 || canonical entry)).
CREATE TABLE audit_entry (
    sequence     bigint      PRIMARY KEY CHECK (sequence > 0),
    occurred_at  timestamptz NOT NULL,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    tip_id       uuid,
    detail       text        NOT NULL DEFAULT '',
    link         bytea       NOT NULL
);

CREATE INDEX audit_entry_by_tip ON audit_entry (tip_id, sequence) WHERE tip_id IS NOT NULL;

-- Public tier: it can file a tip and nothing else. No SELECT anywhere, so it cannot read tips back.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${intakeRole};
GRANT USAGE ON SCHEMA public TO ${intakeRole};
GRANT INSERT ON tip, tip_data_key, tip_content TO ${intakeRole};

-- Staff tier.
GRANT USAGE ON SCHEMA public TO ${triageRole};
GRANT SELECT ON tip_line_key, staff, staff_role, key_grant, tip_data_key, tip_content TO ${triageRole};
GRANT SELECT, UPDATE ON tip TO ${triageRole};
GRANT SELECT, INSERT ON referral TO ${triageRole};
GRANT SELECT, INSERT ON audit_entry TO ${triageRole};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM ${triageRole};
