package org.civitas.server.http;

import java.util.OptionalInt;
import org.civitas.ConflictException;
import org.civitas.InvalidInputException;
import org.civitas.NotFoundException;
import org.civitas.NotPermittedException;
import org.civitas.governance.ProposalRefusedException;

/**
 * The one place where what the domain refuses becomes an HTTP status: invalid input (the constitution's refusals
 * among it) 400, not permitted 403, not found 404, a conflict 409, a proposal with problems 422; a refusal of the web layer's own ({@link ApiException}) carries its
 * status.
 */
public final class Refusals {

    private Refusals() {
    }

    /** The status that answers {@code failure} if it is a refusal, the request's fault; empty if the server failed. */
    public static OptionalInt statusOf(Throwable failure) {
        if (failure instanceof ApiException refused) {
            return OptionalInt.of(refused.status());
        }
        if (failure instanceof InvalidInputException) {
            return OptionalInt.of(400);
        }
        if (failure instanceof NotPermittedException) {
            return OptionalInt.of(403);
        }
        if (failure instanceof ProposalRefusedException) {
            return OptionalInt.of(422);
        }
        if (failure instanceof NotFoundException) {
            return OptionalInt.of(404);
        }
        if (failure instanceof ConflictException) {
            return OptionalInt.of(409);
        }
        return OptionalInt.empty();
    }
}
