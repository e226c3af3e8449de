package org.civitas.server.disputes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.civitas.dispute.Decision;
import org.civitas.dispute.Dispute;
import org.civitas.dispute.DisputeDesk;
import org.civitas.dispute.SourceAnswer;

/**
 * A dispute as the API shows it to its person, to the source of its event and to reviewers: what was said, the
 * source's answer, each decision by the reviewer's badge number (never their name), where it stands, and the new
 * evidence with which the source reinstated the event, if it did. Only a reviewer's view holds the event's attributes
 * ({@code attributes}, null otherwise).
 */
public record DisputeView(
        String id, String source, String event, String type, Instant occurredAt, String jurisdiction, String reason,
        String evidence, String state, Instant openedAt, Instant deadline, Answer answer, List<DecisionView> decisions,
        Instant resolvedAt, Answer reinstatement, JsonNode attributes) {

    /** The source's answer. */
    public record Answer(String text, Instant answeredAt) {

        static Answer of(SourceAnswer answer) {
            return new Answer(answer.text(), answer.answeredAt());
        }
    }

    /** One reviewer's decision, by badge number. */
    public record DecisionView(String badge, String outcome, String reason, Instant decidedAt) {

        static DecisionView of(Decision decision) {
            return new DecisionView(decision.badge(), decision.outcome().id(), decision.reason(),
                    decision.decidedAt());
        }
    }

    static DisputeView of(Dispute dispute) {
        return of(dispute, null);
    }

    static DisputeView of(Dispute dispute, JsonNode attributes) {
        return new DisputeView(dispute.id(), dispute.event().source(), dispute.event().id(), dispute.type(),
                dispute.occurredAt(), dispute.jurisdiction(), dispute.reason(), dispute.evidence(),
                dispute.state().id(), dispute.openedAt(), dispute.deadline(),
                dispute.answer().map(Answer::of).orElse(null),
                dispute.decisions().stream().map(DecisionView::of).toList(), dispute.resolvedAt().orElse(null),
                dispute.reinstatement().map(Answer::of).orElse(null), attributes);
    }

    /** A reviewer's view: the dispute with its event's attributes, if the person's vault still holds them. */
    static DisputeView of(DisputeDesk.Review review, ObjectMapper json) {
        return of(review.dispute(), review.event().map(event -> attributes(event.attributes(), json)).orElse(null));
    }

    private static JsonNode attributes(String text, ObjectMapper json) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the vault holds attributes that are not JSON", e);
        }
    }
}
