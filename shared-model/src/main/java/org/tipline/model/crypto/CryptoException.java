package org.tipline.model.crypto;

/** Raised when sealed data cannot be opened or produced; the message never contains key or plaintext bytes. */
public class CryptoException extends RuntimeException {
    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
