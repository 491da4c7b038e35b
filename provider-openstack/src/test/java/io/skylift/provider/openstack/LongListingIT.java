package io.skylift.provider.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skylift.provider.openstack.client.OpenStackClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * skylift-dst's Keystone issues tokens that live 180 s. A listing that takes longer must still
 * complete: one client replaces its token before it expires, the other, whose clock stands still
 * and so never sees it age, gets a real 401 from Neutron and authenticates again.
 */
class LongListingIT {

    private static final String PATH = "/v2.0/security-group-rules?limit=1";
    private static final Duration SPAN = Duration.ofSeconds(200);

    @Test
    void pages_listingLongerThanTokenLifetime_completesWithFreshTokens() throws InterruptedException {
        OpenStackProviderFactory factory = Testbed.factory();
        var connection = Testbed.connection("skylift-dst");
        try (OpenStackClient ahead = ConnectionToClient.convert(connection).build();
             OpenStackClient frozen = ConnectionToClient.convert(connection).clock(Clock.fixed(Instant.now(), ZoneOffset.UTC)).build()) {
            List<JsonNode> expected = ahead.list(ServiceType.NETWORK, "/v2.0/security-group-rules", "security_group_rules");
            assertThat(expected).as("rules of the default security group on skylift-dst").isNotEmpty();
            Duration pause = SPAN.dividedBy(expected.size());
            Iterator<List<JsonNode>> aheadPages = ahead.pages(ServiceType.NETWORK, PATH, "security_group_rules").iterator();
            Iterator<List<JsonNode>> frozenPages = frozen.pages(ServiceType.NETWORK, PATH, "security_group_rules").iterator();
            List<String> aheadIds = new ArrayList<>();
            List<String> frozenIds = new ArrayList<>();
            Instant started = Instant.now();
            while (aheadPages.hasNext() || frozenPages.hasNext()) {
                if (aheadPages.hasNext()) {
                    aheadPages.next().forEach(rule -> aheadIds.add(rule.path("id").asText()));
                }
                if (frozenPages.hasNext()) {
                    frozenPages.next().forEach(rule -> frozenIds.add(rule.path("id").asText()));
                }
                if (aheadPages.hasNext() || frozenPages.hasNext()) {
                    Thread.sleep(pause);
                }
            }
            List<String> expectedIds = expected.stream().map(rule -> rule.path("id").asText()).toList();
            assertThat(Duration.between(started, Instant.now())).isGreaterThan(Duration.ofSeconds(180));
            assertThat(aheadIds).containsExactlyInAnyOrderElementsOf(expectedIds);
            assertThat(frozenIds).containsExactlyInAnyOrderElementsOf(expectedIds);
            assertThat(ahead.authentications()).as("tokens the client with a real clock obtained").isGreaterThanOrEqualTo(2);
            assertThat(frozen.authentications()).as("tokens the client with a frozen clock obtained after a 401").isGreaterThanOrEqualTo(2);
        }
        assertThat(factory.name()).isEqualTo("openstack");
    }
}
