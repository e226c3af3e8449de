package org.civitas.ndjson;

/**
 * What an event's names (its id, source, person, type and jurisdiction) may be: 1 to
 * {@link EventParser#MAX_NAME_CHARS} characters, not all white space, not {@code .} or {@code ..}, with no control
 * character, no path separator ({@code /} or {@code \}), no line or paragraph separator and no unpaired surrogate.
 * Names are shown on pages, written in logs and used as keys; none of them can then break a line, a path or a page.
 */
final class NameSyntax {

    private NameSyntax() {
    }

    /** Why the name in {@code chars[offset, offset + length)} is refused, or null when it is a name. */
    static String problem(char[] chars, int offset, int length) {
        if (length <= EventParser.MAX_NAME_CHARS && plainAscii(chars, offset, length)) {
            return null;
        }
        if (length > EventParser.MAX_NAME_CHARS) {
            return "longer than " + EventParser.MAX_NAME_CHARS + " characters (" + length + ")";
        }
        boolean blank = true;
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            String why = problem(c, i + 1 < offset + length ? chars[i + 1] : 0, i > offset ? chars[i - 1] : 0);
            if (why != null) {
                return why + " at character " + (i - offset + 1);
            }
            blank &= Character.isWhitespace(c);
        }
        if (blank) {
            return "must not be empty";
        }
        if (length <= 2 && chars[offset] == '.' && chars[offset + length - 1] == '.') {
            return "must not be '.' or '..'";
        }
        return null;
    }

    /**
     * Whether the name is printable ASCII without path separators, not all spaces and not {@code .} or {@code ..}:
     * a name, as nearly every name is, told without looking at each character's kind.
     */
    private static boolean plainAscii(char[] chars, int offset, int length) {
        boolean blank = true;
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c < 0x20 || c > 0x7E || c == '/' || c == '\\') {
                return false;
            }
            blank &= c == ' ';
        }
        return !blank && !(length <= 2 && chars[offset] == '.' && chars[offset + length - 1] == '.');
    }

    private static String problem(char c, char next, char previous) {
        if (Character.isISOControl(c)) {
            return String.format("holds the control character U+%04X", (int) c);
        }
        if (c == '/' || c == '\\') {
            return "holds the path separator '" + c + "'";
        }
        if (c == '\u2028' || c == '\u2029') {
            return String.format("holds the separator U+%04X", (int) c);
        }
        boolean paired = Character.isHighSurrogate(c) ? Character.isLowSurrogate(next)
                : !Character.isLowSurrogate(c) || Character.isHighSurrogate(previous);
        return paired ? null : String.format("holds the unpaired surrogate U+%04X", (int) c);
    }
}
