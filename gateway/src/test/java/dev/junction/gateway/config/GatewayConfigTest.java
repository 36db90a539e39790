package dev.junction.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The defaults used without a file, the overrides the command line applies, and what the records print. */
class GatewayConfigTest {

    @Test
    void theDefaultsServeEveryDiscoveredProviderOnLoopbackWithNoKeys() {
        GatewayConfig config = ConfigLoader.defaults();

        assertEquals(new ServerConfig("127.0.0.1", 8080, 10L * 1024 * 1024, List.of(), Duration.ofSeconds(30)), config.server());
        assertTrue(config.discoverProviders());
        assertEquals(Map.of(), config.providers());
        assertEquals(Map.of(), config.routes());
        assertEquals(List.of(), config.keys());
        assertFalse(config.authRequired());
        assertNull(config.redis());
        assertNull(config.secretsFile());
        assertEquals("", config.upstream());
        assertEquals(new HealthConfig(3, Duration.ofSeconds(60), Duration.ofSeconds(30)), config.health());
        assertEquals(new MediaConfig(false, 20L * 1024 * 1024, Duration.ofSeconds(30)), config.media());
    }

    @Test
    void withPortAndWithRedisUrlChangeOnlyTheirField() {
        GatewayConfig config = ConfigLoader.defaults().withPort(0).withRedisUrl("rediss://cache:6380/2");

        assertEquals(0, config.server().port());
        assertEquals("127.0.0.1", config.server().host());
        assertEquals(RedisConfig.of("rediss://cache:6380/2"), config.redis());
        assertTrue(config.discoverProviders());
        assertThrows(ConfigException.class, () -> config.withPort(70_000));
    }

    @Test
    void withRedisUrlRefusesAnotherSchemeWithThePasswordMasked() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.defaults().withRedisUrl("tcp://admin:hunter22@cache:6379"));

        assertEquals("redis.url", e.field());
        assertEquals("redis.url: must start with redis:// or rediss://, got \"tcp://admin:***@cache:6379\"", e.getMessage());
    }

    @Test
    void withHostRefusesAPublicAddressWithoutKeys() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.defaults().withHost("0.0.0.0"));

        assertEquals("server.host", e.field());
        assertEquals("server.host: 0.0.0.0 exposes every vendor key's spending to anyone who can reach it: add keys"
                + " (junction keys new) or bind 127.0.0.1", e.getMessage());
        assertEquals("localhost", ConfigLoader.defaults().withHost("localhost").server().host());
    }

    @Test
    void withHostAcceptsAPublicAddressOnceKeysExist() {
        GatewayConfig base = ConfigLoader.defaults();
        GatewayConfig keyed = new GatewayConfig(base.server(), null, Map.of(), true, "", base.health(), Map.of(),
                List.of(new KeyConfig("a", KeyHashes.hash("k"), Set.of(), null, null, null, null)), null, base.media());

        assertEquals("0.0.0.0", keyed.withHost("0.0.0.0").server().host());
        assertTrue(keyed.authRequired());
    }

    @Test
    void aKeysToStringShowsOnlyTheStartOfItsHash() {
        String hash = KeyHashes.hash("jk-example");
        KeyConfig key = new KeyConfig("team-a", hash, Set.of("gemini-2.5-pro"), null, null, 60, null);

        String shown = key.toString();

        assertTrue(shown.contains("hash=" + hash.substring(0, 12) + "…"), shown);
        assertFalse(shown.contains(hash.substring(12, 24)), shown);
        assertTrue(key.allows("gemini-2.5-pro"));
        assertFalse(key.allows("gemini-2.5-flash"));
        assertTrue(new KeyConfig("all", hash, Set.of(), null, null, null, null).allows("anything"));
    }

    @Test
    void aRedisPasswordIsMaskedInToString() {
        assertEquals("redis://:***@host:6379", RedisConfig.of("redis://:p4ss@host:6379").redactedUrl());
        assertEquals("redis://user:***@host:6379/0", RedisConfig.of("redis://user:p@ss@host:6379/0").redactedUrl());
        assertEquals("redis://***@host", RedisConfig.of("redis://p4ssword@host").redactedUrl());
        assertEquals("redis://host:6379?password=***&db=1", RedisConfig.of("redis://host:6379?password=p4ss&db=1").redactedUrl());
        assertEquals("redis://localhost:6379", RedisConfig.of("redis://localhost:6379").redactedUrl());

        String shown = new GatewayConfig(ServerConfig.defaults(), null, Map.of(), true, "", HealthConfig.defaults(),
                Map.of(), List.of(), RedisConfig.of("rediss://default:p4ss-w0rd@cache:6380"), MediaConfig.defaults()).toString();
        assertTrue(shown.contains("url=rediss://default:***@cache:6380"), shown);
        assertFalse(shown.contains("p4ss-w0rd"), shown);
    }

    @Test
    void theLoadedExampleNeverPrintsItsRedisPasswordOrFullHashes() {
        GatewayConfig config = ConfigLoader.load(ConfigExampleTest.resource("gateway-example.yaml"));

        String shown = config.toString();

        assertFalse(shown.contains("s3cret-pass"), shown);
        assertFalse(shown.contains(ConfigExampleTest.TEAM_A_HASH), shown);
        assertFalse(shown.contains(ConfigExampleTest.CI_HASH), shown);
    }
}
