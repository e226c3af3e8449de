package org.civitas.server.http;

import org.civitas.CivitasException;

/** A request refused with an HTTP status and a message saying why, sent as {@code {"error": ..., "status": ...}}. */
public final class ApiException extends CivitasException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }
}
