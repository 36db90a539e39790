package dev.junction.gateway.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {
    private final AddressPolicy strict = AddressPolicy.strict();

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1            | a loopback address",
        "127.255.255.254      | a loopback address",
        "::1                  | a loopback address",
        "0.0.0.0              | an unspecified (\"this network\") address",
        "0.1.2.3              | an unspecified (\"this network\") address",
        "::                   | an unspecified address",
        "10.0.0.1             | a private address",
        "10.255.255.255       | a private address",
        "172.16.0.1           | a private address",
        "172.31.255.255       | a private address",
        "192.168.0.1          | a private address",
        "192.168.255.255      | a private address",
        "100.64.0.1           | a carrier-grade NAT address",
        "100.127.255.255      | a carrier-grade NAT address",
        "100.100.100.200      | a carrier-grade NAT address (cloud metadata)",
        "169.254.169.254      | a link-local address (cloud metadata)",
        "169.254.0.1          | a link-local address",
        "169.254.255.255      | a link-local address",
        "fe80::1              | a link-local address",
        "febf:ffff::1         | a link-local address",
        "fc00::1              | a unique-local address",
        "fd12:3456:789a::1    | a unique-local address",
        "fd00:ec2::254        | a unique-local address (AWS instance metadata)",
        "224.0.0.1            | a multicast address",
        "239.255.255.250      | a multicast address",
        "ff02::1              | a multicast address",
        "255.255.255.255      | the broadcast address",
        "192.0.0.1            | an IETF protocol-assignment address",
        "192.0.0.192          | an IETF protocol-assignment address",
        "198.18.0.1           | a benchmarking address",
        "198.19.255.255       | a benchmarking address",
        "240.0.0.1            | a reserved address",
        "254.255.255.255      | a reserved address",
        "192.0.2.1            | a documentation address",
        "2001:db8::1          | a documentation address",
        "fec0::1              | a site-local address",
        "100::1               | a discard-only address",
        "64:ff9b:1::a00:1     | a local-use NAT64 address",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2 | a Teredo tunnel address",
        "::ffff:127.0.0.1     | an IPv4-mapped IPv6 address embedding 127.0.0.1, a loopback address",
        "::ffff:7f00:1        | an IPv4-mapped IPv6 address embedding 127.0.0.1, a loopback address",
        "::ffff:169.254.169.254 | an IPv4-mapped IPv6 address embedding 169.254.169.254, a link-local address (cloud metadata)",
        "::ffff:10.0.0.1      | an IPv4-mapped IPv6 address embedding 10.0.0.1, a private address",
        "::127.0.0.1          | an IPv4-compatible IPv6 address embedding 127.0.0.1, a loopback address",
        "::192.168.0.1        | an IPv4-compatible IPv6 address embedding 192.168.0.1, a private address",
        "::ffff:0:a9fe:a9fe   | an IPv4-translated (SIIT) IPv6 address embedding 169.254.169.254, a link-local address (cloud metadata)",
        "64:ff9b::127.0.0.1   | a NAT64 address embedding 127.0.0.1, a loopback address",
        "64:ff9b::a9fe:a9fe   | a NAT64 address embedding 169.254.169.254, a link-local address (cloud metadata)",
        "64:ff9b::a00:1       | a NAT64 address embedding 10.0.0.1, a private address",
        "2002:7f00:1::1       | a 6to4 address embedding 127.0.0.1, a loopback address",
        "2002:a9fe:a9fe::     | a 6to4 address embedding 169.254.169.254, a link-local address (cloud metadata)",
        "2002:c0a8:101::1     | a 6to4 address embedding 192.168.1.1, a private address",
    })
    void refusesNonPublicAddressesSayingWhy(String literal, String why) {
        // Built from raw bytes, so IPv4-mapped forms stay IPv6 as a resolver could hand them over.
        InetAddress raw = raw(literal);
        assertEquals(Optional.of(why), strict.refusal(raw), literal);
        assertFalse(strict.allows(raw), literal);
    }

    @ParameterizedTest(name = "{0} is allowed")
    @ValueSource(strings = {
        "8.8.8.8", "1.1.1.1", "93.184.215.14", "11.0.0.1", "172.15.255.255", "172.32.0.1", "100.63.255.255",
        "100.128.0.1", "169.253.255.255", "169.255.0.1", "192.167.255.255", "192.169.0.1", "198.17.255.255",
        "198.20.0.1", "223.255.255.255", "2606:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001:80b::200e",
        "64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8",
    })
    void allowsPublicAddresses(String literal) {
        InetAddress raw = raw(literal);
        assertEquals(Optional.empty(), strict.refusal(raw), literal);
        assertTrue(strict.allows(raw), literal);
    }

    @Test
    void judgesMappedAddressesJavaTurnedIntoIpv4() throws Exception {
        InetAddress converted = InetAddress.getByName("::ffff:169.254.169.254");
        assertTrue(converted instanceof Inet4Address, "Java converts IPv4-mapped literals");
        assertEquals(Optional.of("a link-local address (cloud metadata)"), strict.refusal(converted));
    }

    @Test
    void allowListAdmitsOnlyWhatItNames() {
        AddressPolicy policy = AddressPolicy.strictAllowing(List.of("127.0.0.1", "10.1.0.0/16", "fd12::/16"));
        assertTrue(policy.allows(raw("127.0.0.1")));
        assertFalse(policy.allows(raw("127.0.0.2")));
        assertTrue(policy.allows(raw("10.1.255.3")));
        assertFalse(policy.allows(raw("10.2.0.1")));
        assertTrue(policy.allows(raw("fd12:ab::1")));
        assertFalse(policy.allows(raw("fd13::1")));
        assertEquals(Optional.of("a link-local address (cloud metadata)"), policy.refusal(raw("169.254.169.254")));
        // The default is untouched by another policy's allow-list.
        assertFalse(AddressPolicy.strict().allows(raw("127.0.0.1")));
    }

    @ParameterizedTest(name = "allow-list entry {0} is rejected")
    @ValueSource(strings = {"localhost", "internal.example", "10.0.0.0/33", "10.0.0.0/x", "0177.0.0.1", "127.1",
        "2130706433", "fe80::1%eth0", "::1/129", ""})
    void allowListTakesOnlyIpLiteralsAndCidrBlocks(String entry) {
        assertThrows(IllegalArgumentException.class, () -> AddressPolicy.strictAllowing(List.of(entry)));
    }

    private static InetAddress raw(String literal) {
        byte[] bytes = IpLiterals.parse(literal);
        if (bytes == null) {
            throw new AssertionError("not a literal: " + literal);
        }
        try {
            return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
