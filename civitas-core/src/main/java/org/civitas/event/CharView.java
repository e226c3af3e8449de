package org.civitas.event;

/**
 * A stretch of a char array seen as a {@link CharSequence}, pointed at one stretch after another, so that reading
 * text in place allocates nothing. Not thread-safe.
 */
final class CharView implements CharSequence {

    private char[] chars = new char[0];
    private int offset;
    private int length;

    /** Points this view at {@code chars[offset, offset + length)}; returns it. */
    CharView of(char[] chars, int offset, int length) {
        this.chars = chars;
        this.offset = offset;
        this.length = length;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return chars[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return new String(chars, offset, length);
    }
}
