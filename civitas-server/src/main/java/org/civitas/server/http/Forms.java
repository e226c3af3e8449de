package org.civitas.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import org.civitas.dispute.DisputeFiles;

/** Reading the fields of a page's form. */
public final class Forms {

    /** The most a form with a file (evidence for a dispute) may hold: the largest file, and the fields beside it. */
    public static final int MAX_UPLOAD_BYTES = DisputeFiles.MAX_BYTES + JsonBodies.MAX_BYTES;

    private Forms() {
    }

    /** The form field {@code name}, or "" if the form has none. */
    public static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    /**
     * The field {@code name} of a form with a file. A form whose declared length is over {@link #MAX_UPLOAD_BYTES} is
     * refused unread (what the client still sends is dropped first, as {@link JsonBodies} drops it, so that it gets the
     * answer); one that declares no length, or holds a file over the limit, as it is read.
     */
    public static String uploadField(Context ctx, String name) throws IOException {
        if (ctx.contentLength() > MAX_UPLOAD_BYTES) {
            JsonBodies.drain(ctx.bodyInputStream());
            throw new ApiException(413, "a form with a file may hold at most " + MAX_UPLOAD_BYTES + " bytes; the file"
                    + " at most " + DisputeFiles.MAX_BYTES);
        }
        try {
            return ctx.formParam(name);
        } catch (Exception unreadable) {
            Throwable cause = unreadable;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw ApiException.badRequest("the form with a file could not be read (" + cause.getMessage() + "): a"
                    + " file may hold at most " + DisputeFiles.MAX_BYTES + " bytes");
        }
    }
}
