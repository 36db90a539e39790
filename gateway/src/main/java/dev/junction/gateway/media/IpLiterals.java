package dev.junction.gateway.media;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * IP literals in their canonical forms only, parsed without any DNS lookup. Shorthand forms that
 * some parsers accept and others do not ({@code 127.1}, {@code 0x7f.0.0.1}, {@code 0177.0.0.1},
 * {@code 2130706433}) are not IP literals here, so no two parsers can disagree on what they mean.
 */
final class IpLiterals {
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    private IpLiterals() {
    }

    /**
     * The address's bytes (4 or 16) when {@code literal} is a canonical dotted-quad IPv4 address or
     * an IPv6 address, bracketed or not, without a zone; else {@code null}. IPv4-mapped IPv6
     * addresses keep their 16 bytes.
     */
    static byte[] parse(String literal) {
        if (literal.indexOf(':') >= 0) {
            String bare = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
            if (bare.isEmpty() || bare.indexOf('%') >= 0 || bare.indexOf('[') >= 0 || bare.indexOf(']') >= 0) {
                return null;
            }
            try {
                // Brackets make Java parse an IPv6 literal or fail: it never looks a bracketed name up in DNS.
                byte[] bytes = InetAddress.getByName("[" + bare + "]").getAddress();
                return bytes.length == 16 ? bytes : mapped(bytes);
            } catch (UnknownHostException notLiteral) {
                return null;
            }
        }
        if (!DOTTED_QUAD.matcher(literal).matches()) {
            return null;
        }
        String[] parts = literal.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }

    /** The address of a literal {@link #parse} accepts, with no host name attached; else {@code null}. */
    static InetAddress address(String literal) {
        byte[] bytes = parse(literal);
        return bytes == null ? null : of(bytes);
    }

    /** An address from its 4 or 16 bytes, with no host name attached. */
    static InetAddress of(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length, impossible);
        }
    }

    /** Dotted-quad text of 4 bytes. */
    static String format(byte[] v4) {
        return (v4[0] & 0xFF) + "." + (v4[1] & 0xFF) + "." + (v4[2] & 0xFF) + "." + (v4[3] & 0xFF);
    }

    /** Java turns IPv4-mapped IPv6 literals into IPv4 addresses; this restores the 16 bytes written. */
    private static byte[] mapped(byte[] v4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xFF;
        bytes[11] = (byte) 0xFF;
        System.arraycopy(v4, 0, bytes, 12, 4);
        return bytes;
    }
}
