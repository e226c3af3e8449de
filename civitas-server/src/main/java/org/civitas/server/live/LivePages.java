package org.civitas.server.live;

import java.time.Clock;
import org.civitas.projection.ProjectionListener;
import org.civitas.scoring.ScoreBoard;
import org.civitas.server.api.EventView;
import org.civitas.server.api.ScoreView;
import org.civitas.store.vault.VaultStore;
import org.civitas.vault.VaultEvent;

/** Shows each projected event, and each score it changes, on its person's open pages. */
public final class LivePages implements ProjectionListener {

    private final LiveFeeds feeds;
    private final VaultStore vault;
    private final ScoreBoard scores;
    private final Clock clock;

    public LivePages(LiveFeeds feeds, VaultStore vault, ScoreBoard scores, Clock clock) {
        this.feeds = feeds;
        this.vault = vault;
        this.scores = scores;
        this.clock = clock;
    }

    @Override
    public void kept(VaultEvent event) {
        if (feeds.watching(event.person())) {
            feeds.publish(event.person(), "event", EventView.of(vault.opened(event)));
        }
    }

    @Override
    public void scored(String person) {
        if (feeds.watching(person)) {
            feeds.publish(person, "score", ScoreView.of(scores.score(person, clock.instant()), clock.instant()));
        }
    }
}
