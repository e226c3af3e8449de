package org.civitas.server.privacy;

import java.util.Optional;
import org.civitas.privacy.PersonalDataSeal;
import org.civitas.store.vault.EventOpener;
import org.civitas.vault.VaultEvent;

/** Opens the sealed attributes of vault events for their reader; those whose key was erased come out erased. */
public final class SealedVaultOpener implements EventOpener {

    private final PersonalDataSeal seal;

    public SealedVaultOpener(PersonalDataSeal seal) {
        this.seal = seal;
    }

    @Override
    public VaultEvent open(VaultEvent stored) {
        Optional<String> opened = seal.open(stored.source(), stored.eventId(), stored.person(), stored.attributes());
        if (opened.isEmpty()) {
            return stored.withAttributesErased();
        }
        return opened.get() == stored.attributes() ? stored : stored.withAttributes(opened.get());
    }
}
