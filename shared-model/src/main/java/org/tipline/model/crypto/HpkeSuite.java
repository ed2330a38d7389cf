package org.tipline.model.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.hpke.HPKE;

/**
 * The HPKE (RFC 9180) suites Tipline seals with: base mode, HKDF-SHA256, AES-256-GCM, and a choice of KEM. Every
 * sealed value records the KEM id so old data stays readable when the default changes.
 */
public enum HpkeSuite {
    /** ML-KEM-768 + X25519 hybrid: post-quantum by default. */
    XWING(HPKE.kem_X_WING),
    /** Classical alternative for deployments that must interoperate with DHKEM-only peers. */
    X25519(HPKE.kem_X25519_SHA256);

    public static final HpkeSuite DEFAULT = XWING;

    private final short kemId;
    private final int encapsulationSize;

    HpkeSuite(short kemId) {
        this.kemId = kemId;
        this.encapsulationSize = hpke().getEncSize();
    }

    public short kemId() {
        return kemId;
    }

    public static HpkeSuite ofKemId(int kemId) {
        return Arrays.stream(values())
                .filter(suite -> suite.kemId == (short) kemId)
                .findFirst()
                .orElseThrow(() -> new CryptoException("unknown HPKE KEM id " + kemId));
    }

    /** A fresh instance per call: BC's HPKE object is cheap and not documented as thread-safe. */
    HPKE hpke() {
        return new HPKE(HPKE.mode_base, kemId, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }

    int encapsulationSize() {
        return encapsulationSize;
    }

    public HpkeKeyPair generateKeyPair() {
        HPKE hpke = hpke();
        var pair = hpke.generatePrivateKey();
        return new HpkeKeyPair(
                this, hpke.serializePublicKey(pair.getPublic()), hpke.serializePrivateKey(pair.getPrivate()));
    }
}
