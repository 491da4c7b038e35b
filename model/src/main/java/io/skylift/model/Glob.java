package io.skylift.model;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A shell-style wildcard pattern over a whole name: {@code *} matches any run of characters,
 * {@code ?} one character, everything else itself. {@code '*tiny*'} matches {@code m1.tiny}.
 */
public final class Glob {

    private final String pattern;
    private final Pattern regex;

    public Glob(String pattern) {
        requireNonNull(pattern, "pattern is null");
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("empty name pattern: use '*' to match every name");
        }
        this.pattern = pattern;
        this.regex = toRegex(pattern);
    }

    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }

    private static Pattern toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            }
            else {
                literal.append(c);
            }
        }
        return Pattern.compile(regex.append(Pattern.quote(literal.toString())).toString(), Pattern.DOTALL);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Glob glob && glob.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
