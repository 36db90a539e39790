package dev.junction.gateway.media;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which IP addresses the gateway may connect to when it downloads media for a client: by default
 * only public unicast ones, so that a chat request cannot make the gateway reach its own host,
 * its private network or the cloud metadata service (server-side request forgery).
 *
 * <p>IPv6 forms that carry an IPv4 address (IPv4-mapped and -compatible, SIIT, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by the IPv4 address they carry. An
 * operator who knowingly fetches from an internal host lists it with {@link #strictAllowing}.
 */
public final class AddressPolicy {
    private static final String METADATA = " (cloud metadata)";

    // First match wins: the narrow blocks with a better explanation come before the wide ones.
    private static final List<Block> V4 = List.of(
            Block.of("0.0.0.0/8", "an unspecified (\"this network\") address"),
            Block.of("10.0.0.0/8", "a private address"),
            Block.of("100.100.100.200/32", "a carrier-grade NAT address" + METADATA),
            Block.of("100.64.0.0/10", "a carrier-grade NAT address"),
            Block.of("127.0.0.0/8", "a loopback address"),
            Block.of("169.254.169.254/32", "a link-local address" + METADATA),
            Block.of("169.254.0.0/16", "a link-local address"),
            Block.of("172.16.0.0/12", "a private address"),
            Block.of("192.0.0.0/24", "an IETF protocol-assignment address"),
            Block.of("192.0.2.0/24", "a documentation address"),
            Block.of("192.88.99.0/24", "a 6to4 relay anycast address"),
            Block.of("192.168.0.0/16", "a private address"),
            Block.of("198.18.0.0/15", "a benchmarking address"),
            Block.of("198.51.100.0/24", "a documentation address"),
            Block.of("203.0.113.0/24", "a documentation address"),
            Block.of("224.0.0.0/4", "a multicast address"),
            Block.of("255.255.255.255/32", "the broadcast address"),
            Block.of("240.0.0.0/4", "a reserved address"));

    private static final List<Block> V6 = List.of(
            Block.of("::/128", "an unspecified address"),
            Block.of("::1/128", "a loopback address"),
            Block.of("fd00:ec2::254/128", "a unique-local address (AWS instance metadata)"),
            Block.of("fc00::/7", "a unique-local address"),
            Block.of("fe80::/10", "a link-local address"),
            Block.of("fec0::/10", "a site-local address"),
            Block.of("ff00::/8", "a multicast address"),
            Block.of("100::/64", "a discard-only address"),
            Block.of("64:ff9b:1::/48", "a local-use NAT64 address"),
            // Teredo hides its client's IPv4 address (XOR-ed), so it cannot be judged by it.
            Block.of("2001::/32", "a Teredo tunnel address"),
            Block.of("2001:db8::/32", "a documentation address"));

    private static final AddressPolicy STRICT = new AddressPolicy(List.of());

    private final List<Block> allowed;

    private AddressPolicy(List<Block> allowed) {
        this.allowed = allowed;
    }

    /** The default: public unicast addresses only. */
    public static AddressPolicy strict() {
        return STRICT;
    }

    /**
     * The strict policy, except for the given blocks, which are allowed whatever they are.
     *
     * @param cidrs IP literals ({@code 10.1.2.3}, {@code fd12::7}) or CIDR blocks ({@code 10.1.0.0/16});
     *     never host names, which would make the policy depend on DNS
     * @throws IllegalArgumentException when an entry is not an IP literal or CIDR block
     */
    public static AddressPolicy strictAllowing(Collection<String> cidrs) {
        List<Block> blocks = new ArrayList<>();
        for (String cidr : cidrs) {
            blocks.add(Block.of(Objects.requireNonNull(cidr, "cidr"), "allowed by configuration"));
        }
        return new AddressPolicy(List.copyOf(blocks));
    }

    /** Whether the gateway may connect to {@code address}. */
    public boolean allows(InetAddress address) {
        return refusal(address).isEmpty();
    }

    /**
     * Why the gateway must not connect to {@code address}, as a phrase that completes
     * "resolves to 169.254.169.254, …", such as "a link-local address (cloud metadata)"; empty
     * when it may.
     */
    public Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : allowed) {
            if (block.contains(bytes)) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(bytes.length == 4 ? refusalV4(bytes) : refusalV6(bytes));
    }

    private static String refusalV4(byte[] bytes) {
        for (Block block : V4) {
            if (block.contains(bytes)) {
                return block.what();
            }
        }
        return null;
    }

    private static String refusalV6(byte[] bytes) {
        for (Block block : V6) {
            if (block.contains(bytes)) {
                return block.what();
            }
        }
        String form = embeddingForm(bytes);
        if (form == null) {
            return null;
        }
        // 6to4 carries its IPv4 address right after the 2002: prefix; the other forms in the last 32 bits.
        int at = form.startsWith("a 6to4") ? 2 : 12;
        byte[] v4 = Arrays.copyOfRange(bytes, at, at + 4);
        String inner = refusalV4(v4);
        return inner == null ? null : form + " embedding " + IpLiterals.format(v4) + ", " + inner;
    }

    /** The name of the IPv6 form that carries an IPv4 address, or {@code null}. */
    private static String embeddingForm(byte[] b) {
        if (zeros(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            return "an IPv4-mapped IPv6 address";
        }
        if (zeros(b, 0, 12)) {
            return "an IPv4-compatible IPv6 address";
        }
        if (zeros(b, 0, 8) && (b[8] & 0xFF) == 0xFF && (b[9] & 0xFF) == 0xFF && zeros(b, 10, 12)) {
            return "an IPv4-translated (SIIT) IPv6 address";
        }
        if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B && zeros(b, 4, 12)) {
            return "a NAT64 address";
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return "a 6to4 address";
        }
        return null;
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A CIDR block and what its addresses are. */
    private record Block(byte[] network, int bits, String what) {
        static Block of(String cidr, String what) {
            int slash = cidr.indexOf('/');
            String literal = slash < 0 ? cidr.strip() : cidr.substring(0, slash).strip();
            byte[] network = IpLiterals.parse(literal);
            if (network == null) {
                throw new IllegalArgumentException("not an IP address or CIDR block: '" + cidr + "'");
            }
            int max = network.length * 8;
            int bits;
            try {
                bits = slash < 0 ? max : Integer.parseInt(cidr.substring(slash + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR prefix length in '" + cidr + "'");
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("prefix length " + bits + " out of range 0.." + max + " in '" + cidr + "'");
            }
            return new Block(network, bits, what);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
