package org.civitas.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.event.EventFields.Name;
import org.civitas.event.EventFields;

/**
 * Seals the attributes of personal-only events before they reach the ledger, and opens them for their reader. The
 * attributes are encrypted with AES-GCM ({@link NativeCrypto}) under the key of the event's person and category; the
 * ledger chains the sealed bytes, so erasing the key makes them unreadable without touching the chain. The event's
 * identity (source, id, person, category) is bound to the ciphertext, so sealed attributes cannot be moved to another
 * event.
 *
 * <p>The sealed bytes are the nonce, then the ciphertext with its tag; {@link Attributes} shows them as JSON.
 */
public final class PersonalDataSeal {

    /** The category of events of a source's type. */
    @FunctionalInterface
    public interface Categories {
        String categoryOf(String source, String type);
    }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final PersonalKeys keys;
    private final Categories categories;
    private final Set<String> personalOnly;
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    /**
     * @param categories the category of each event
     * @param personalOnly the personal-only categories, whose attributes are sealed
     */
    public PersonalDataSeal(PersonalKeys keys, Categories categories, Collection<String> personalOnly) {
        this.keys = keys;
        this.categories = categories;
        this.personalOnly = Set.copyOf(personalOnly);
    }

    public PersonalKeys keys() {
        return keys;
    }

    /** The category of events of {@code source}'s {@code type}. */
    public String categoryOf(String source, String type) {
        return categories.categoryOf(source, type);
    }

    /** Whether the attributes of events of {@code category} are sealed: whether it is personal-only. */
    public boolean seals(String category) {
        return personalOnly.contains(category);
    }

    /** How many bytes sealing {@code plainLength} bytes of attributes makes. */
    public static int sealedLength(int plainLength) {
        return NONCE_BYTES + plainLength + TAG_BITS / 8;
    }

    /** The event as the ledger is to keep it: sealed if its category is personal-only, else as it is. */
    public Event seal(Event event) {
        return seal(event, categoryOf(event.source(), event.type()));
    }

    /** The event, whose category is {@code category}, as the ledger is to keep it. */
    public Event seal(Event event, String category) {
        if (!seals(category)) {
            return event;
        }
        byte[] sealed = new byte[sealedLength(event.attributes().jsonLength())];
        seal(event, category, sealed, 0);
        return new Event(event.id(), event.source(), event.person(), event.type(), event.occurredAt(),
                event.jurisdiction(), Attributes.sealed(category, sealed));
    }

    /**
     * Seals the attributes of {@code event} as being of {@code category}: writes the {@link #sealedLength} bytes into
     * {@code target} at {@code offset}. The same as {@link #seal(Event, String)}, without a sealed copy of the event.
     */
    public void seal(Event event, String category, byte[] target, int offset) {
        Attributes attributes = event.attributes();
        int length = attributes.jsonLength();
        Workspace workspace = workspaces.get();
        byte[] plain = workspace.plain(length);
        attributes.copyJsonTo(plain, 0);
        workspace.binding.start().append(event.source()).append(event.id()).append(event.person());
        seal(workspace, keys.keyFor(event.person(), category), category, plain, 0, length, target, offset);
    }

    /**
     * Seals the attributes of a plain line, whose person is {@code person}, as being of {@code category}: writes the
     * {@link #sealedLength} bytes into {@code target} at {@code offset}. The same as sealing the line's event.
     */
    public void seal(EventFields line, String person, String category, byte[] target, int offset) {
        Workspace workspace = workspaces.get();
        byte[] bytes = line.bytes();
        workspace.binding.start()
                .append(bytes, line.start(Name.SOURCE), line.end(Name.SOURCE))
                .append(bytes, line.start(Name.ID), line.end(Name.ID))
                .append(bytes, line.start(Name.PERSON), line.end(Name.PERSON));
        int plainStart = line.attributesStart();
        seal(workspace, keys.keyFor(person, category), category, line.attributesBytes(), plainStart,
                line.attributesEnd() - plainStart, target, offset);
    }

    /**
     * Seals {@code plain[plainOffset, plainOffset + length)} into {@code target} at {@code offset}, bound to the
     * source, id and person the workspace's binding has begun with, and to {@code category}.
     */
    private static void seal(Workspace workspace, SecretKey key, String category, byte[] plain, int plainOffset,
            int length, byte[] target, int offset) {
        workspace.binding.append(category);
        workspace.nonces.next(target, offset);
        try {
            Cipher cipher = workspace.cipher;
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, target, offset, NONCE_BYTES));
            workspace.binding.authenticate(cipher);
            cipher.doFinal(plain, plainOffset, length, target, offset + NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to seal", e);
        }
    }

    /** {@code events}, each as the ledger is to keep it. */
    public List<Event> sealAll(List<Event> events) {
        List<Event> sealed = new ArrayList<>(events.size());
        for (Event event : events) {
            sealed.add(seal(event));
        }
        return sealed;
    }

    /**
     * The attributes of an event as its reader is to see them: opened if they were sealed, as they are if not, and
     * empty if they were sealed under a key that has been erased.
     */
    public Optional<String> open(String source, String id, String person, String attributes) {
        Optional<Attributes> sealedForm = Attributes.sealedFromJson(attributes);
        if (sealedForm.isEmpty()) {
            return Optional.of(attributes);
        }
        String category = sealedForm.get().sealedCategory();
        Optional<SecretKey> key = keys.existing(person, category);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] sealed = sealedForm.get().sealedBytes();
        try {
            Workspace workspace = workspaces.get();
            Cipher cipher = workspace.cipher;
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            workspace.binding.start().append(source).append(id).append(person).append(category).authenticate(cipher);
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to open", e);
        }
    }

    /**
     * What one thread seals and opens with, made once per thread. The plaintext is encrypted from a buffer of its
     * own, not in place: a cipher whose output overlaps its input first copies the input, in a call of its own.
     */
    private static final class Workspace {
        final Cipher cipher = NativeCrypto.newAesGcmCipher();
        final Nonces nonces = new Nonces();
        final Binding binding = new Binding();
        private byte[] plain = new byte[256];

        /** A buffer for at least {@code length} bytes of plaintext. */
        byte[] plain(int length) {
            if (plain.length < length) {
                plain = new byte[Math.max(length, 2 * plain.length)];
            }
            return plain;
        }
    }

    /**
     * Binds an event's identity to its ciphertext as additional authenticated data: the UTF-8 bytes of source, id,
     * person and category joined by line feeds. The bytes are built in a buffer the thread reuses, a byte per
     * character while the names are ASCII, as they nearly always are.
     */
    private static final class Binding {

        private byte[] bytes = new byte[256];
        private int length;

        Binding start() {
            length = 0;
            return this;
        }

        /** Appends {@code name} and a line feed. */
        Binding append(String name) {
            makeRoom(name.length() + 1);
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c >= 0x80) {
                    return appendUtf8(name);
                }
                bytes[length + i] = (byte) c;
            }
            length += name.length();
            bytes[length++] = '\n';
            return this;
        }

        /** Appends the UTF-8 name {@code source[from, to)} and a line feed. */
        Binding append(byte[] source, int from, int to) {
            makeRoom(to - from + 1);
            System.arraycopy(source, from, bytes, length, to - from);
            length += to - from;
            bytes[length++] = '\n';
            return this;
        }

        private Binding appendUtf8(String name) {
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            return append(utf8, 0, utf8.length);
        }

        /** Hands what was appended, but its last line feed, to {@code cipher} as additional data. */
        void authenticate(Cipher cipher) {
            cipher.updateAAD(bytes, 0, length - 1);
        }

        private void makeRoom(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
            }
        }
    }

    /**
     * Nonces of one thread: a random 64-bit field drawn when the thread first seals, then a 32-bit counter (the
     * deterministic construction of NIST SP 800-38D, 8.2.1). Two threads, or two runs, repeat a nonce only if they
     * draw the same random field, which among 2^64 values is vanishingly unlikely; a fresh field is drawn before the
     * counter wraps.
     */
    private static final class Nonces {

        private static final SecureRandom SEEDS = new SecureRandom();

        private long field = SEEDS.nextLong();
        private int counter;

        /** Writes the next nonce into the twelve bytes of {@code target} from {@code offset}. */
        void next(byte[] target, int offset) {
            if (++counter == 0) {
                field = SEEDS.nextLong();
            }
            for (int i = 0; i < 8; i++) {
                target[offset + i] = (byte) (field >>> (56 - 8 * i));
            }
            for (int i = 0; i < 4; i++) {
                target[offset + 8 + i] = (byte) (counter >>> (24 - 8 * i));
            }
        }
    }
}
