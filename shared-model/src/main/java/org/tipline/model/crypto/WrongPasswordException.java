package org.tipline.model.crypto;

/** The password did not open the staff member's locked key. */
public class WrongPasswordException extends CryptoException {
    public WrongPasswordException() {
        super("password does not open this key");
    }
}
