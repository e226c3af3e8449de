package org.civitas.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Notes signed elsewhere: the reference note of the Go implementation of signed notes checks here too. */
class SignedNoteTest {

    private static final String PETER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String NOTE = TEXT + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIu"
            + "GUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void theReferenceNoteOfAnotherImplementationVerifies() {
        assertThat(SignedNote.verify(NOTE, PETER)).isEqualTo(new SignedNote.Verified(TEXT, "PeterNeumann"));
    }

    @Test
    void aChangedWordOrAKeyWithAnotherHashIsRefused() {
        assertThatThrownBy(() -> SignedNote.verify(NOTE.replace("answer", "anwser"), PETER))
                .hasMessageContaining("does not hold");
        assertThatThrownBy(() -> SignedNote.verify(NOTE, PETER.replace("c74f20a3", "c74f20a4")))
                .hasMessageContaining("hash does not match");
    }
}
