package org.tipline.triage.staff;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

/** The WebAuthn user handle of each staff member who has a passkey: a random id, never their name or email. */
@Component
@RequiredArgsConstructor
class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

    private final JdbcClient jdbc;

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        return jdbc.sql("SELECT p.user_handle, s.username, s.display_name FROM passkey_user p "
                        + "JOIN staff s ON s.id = p.staff_id WHERE p.user_handle = :id")
                .param("id", id.getBytes())
                .query((rs, n) -> entity(rs.getBytes(1), rs.getString(2), rs.getString(3)))
                .optional()
                .orElse(null);
    }

    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        return jdbc.sql("SELECT p.user_handle, s.username, s.display_name FROM passkey_user p "
                        + "JOIN staff s ON s.id = p.staff_id WHERE s.username = :username")
                .param("username", username)
                .query((rs, n) -> entity(rs.getBytes(1), rs.getString(2), rs.getString(3)))
                .optional()
                .orElse(null);
    }

    @Override
    public void save(PublicKeyCredentialUserEntity entity) {
        jdbc.sql(
                        "INSERT INTO passkey_user (user_handle, staff_id) SELECT :handle, id FROM staff WHERE username = :name "
                                + "ON CONFLICT DO NOTHING")
                .param("handle", entity.getId().getBytes())
                .param("name", entity.getName())
                .update();
    }

    @Override
    public void delete(Bytes id) {
        jdbc.sql("DELETE FROM passkey_user WHERE user_handle = :id")
                .param("id", id.getBytes())
                .update();
    }

    private static PublicKeyCredentialUserEntity entity(byte[] handle, String username, String displayName) {
        return ImmutablePublicKeyCredentialUserEntity.builder()
                .id(new Bytes(handle))
                .name(username)
                .displayName(displayName)
                .build();
    }
}
