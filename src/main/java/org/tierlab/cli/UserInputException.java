package org.tierlab.cli;

/**
 * Bad input that is not in a configuration file (a wrong option combination, an unreadable input file):
 * printed as its message alone, exit code 2.
 */
public final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message complete, user-facing description of what is wrong and what was expected */
    public UserInputException(String message) {
        super(message);
    }
}
