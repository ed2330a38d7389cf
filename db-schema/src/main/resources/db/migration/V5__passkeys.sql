-- WebAuthn passkeys, the stronger second factor. A passkey holds only a public key: a copy of these rows lets
-- nobody sign in. The user handle is a random id shown to authenticators instead of anything about the person.
CREATE TABLE passkey_user (
    user_handle   bytea PRIMARY KEY,
    staff_id      uuid  NOT NULL UNIQUE REFERENCES staff (id) ON DELETE CASCADE
);

CREATE TABLE passkey (
    credential_id          bytea       PRIMARY KEY,
    user_handle            bytea       NOT NULL REFERENCES passkey_user (user_handle) ON DELETE CASCADE,
    public_key_cose        bytea       NOT NULL,
    signature_count        bigint      NOT NULL,
    uv_initialized         boolean     NOT NULL,
    transports             text        NOT NULL DEFAULT '',
    backup_eligible        boolean     NOT NULL,
    backup_state           boolean     NOT NULL,
    attestation_object     bytea,
    attestation_client_data bytea,
    label                  text        NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
    created                timestamptz NOT NULL,
    last_used              timestamptz NOT NULL
);

CREATE INDEX passkey_by_user ON passkey (user_handle);

GRANT SELECT, INSERT, DELETE ON passkey_user TO ${triageRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON passkey TO ${triageRole};
