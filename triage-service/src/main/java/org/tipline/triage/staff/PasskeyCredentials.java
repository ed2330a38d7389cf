package org.tipline.triage.staff;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;

/** Staff members' passkeys: public keys and signature counters, for Spring Security's WebAuthn relying party. */
@Component
@RequiredArgsConstructor
class PasskeyCredentials implements UserCredentialRepository {

    private final JdbcClient jdbc;

    @Override
    public void save(CredentialRecord record) {
        jdbc.sql("""
                        INSERT INTO passkey (credential_id, user_handle, public_key_cose, signature_count,
                            uv_initialized, transports, backup_eligible, backup_state, attestation_object,
                            attestation_client_data, label, created, last_used)
                        VALUES (:id, :user, :key, :count, :uv, :transports, :be, :bs, :ao, :cd, :label, :created, :used)
                        ON CONFLICT (credential_id) DO UPDATE SET signature_count = excluded.signature_count,
                            uv_initialized = excluded.uv_initialized, backup_state = excluded.backup_state,
                            last_used = excluded.last_used
                        """)
                .param("id", record.getCredentialId().getBytes())
                .param("user", record.getUserEntityUserId().getBytes())
                .param("key", record.getPublicKey().getBytes())
                .param("count", record.getSignatureCount())
                .param("uv", record.isUvInitialized())
                .param(
                        "transports",
                        record.getTransports().stream()
                                .map(AuthenticatorTransport::getValue)
                                .sorted()
                                .collect(Collectors.joining(",")))
                .param("be", record.isBackupEligible())
                .param("bs", record.isBackupState())
                .param(
                        "ao",
                        record.getAttestationObject() == null
                                ? null
                                : record.getAttestationObject().getBytes())
                .param(
                        "cd",
                        record.getAttestationClientDataJSON() == null
                                ? null
                                : record.getAttestationClientDataJSON().getBytes())
                .param("label", record.getLabel())
                .param("created", Timestamp.from(record.getCreated()))
                .param("used", Timestamp.from(record.getLastUsed()))
                .update();
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return records("credential_id", credentialId).stream().findFirst().orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return records("user_handle", userId);
    }

    private List<CredentialRecord> records(String column, Bytes value) {
        return jdbc.sql("SELECT credential_id, user_handle, public_key_cose, signature_count, uv_initialized, "
                        + "transports, backup_eligible, backup_state, attestation_object, attestation_client_data, "
                        + "label, created, last_used FROM passkey WHERE " + column + " = :value ORDER BY created")
                .param("value", value.getBytes())
                .query((rs, n) -> (CredentialRecord) ImmutableCredentialRecord.builder()
                        .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                        .credentialId(new Bytes(rs.getBytes(1)))
                        .userEntityUserId(new Bytes(rs.getBytes(2)))
                        .publicKey(new ImmutablePublicKeyCose(rs.getBytes(3)))
                        .signatureCount(rs.getLong(4))
                        .uvInitialized(rs.getBoolean(5))
                        .transports(transports(rs.getString(6)))
                        .backupEligible(rs.getBoolean(7))
                        .backupState(rs.getBoolean(8))
                        .attestationObject(rs.getBytes(9) == null ? null : new Bytes(rs.getBytes(9)))
                        .attestationClientDataJSON(rs.getBytes(10) == null ? null : new Bytes(rs.getBytes(10)))
                        .label(rs.getString(11))
                        .created(rs.getTimestamp(12).toInstant())
                        .lastUsed(rs.getTimestamp(13).toInstant())
                        .build())
                .list();
    }

    @Override
    public void delete(Bytes credentialId) {
        jdbc.sql("DELETE FROM passkey WHERE credential_id = :id")
                .param("id", credentialId.getBytes())
                .update();
    }

    private static Set<AuthenticatorTransport> transports(String stored) {
        return stored.isEmpty()
                ? Set.of()
                : Arrays.stream(stored.split(","))
                        .map(AuthenticatorTransport::valueOf)
                        .collect(Collectors.toSet());
    }
}
