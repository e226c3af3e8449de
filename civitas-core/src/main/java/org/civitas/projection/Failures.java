package org.civitas.projection;

/** Failures put in words for the set-aside list and the health check. */
final class Failures {

    private Failures() {
    }

    /** The innermost message of {@code failure}, which names what went wrong most plainly. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip();
    }
}
