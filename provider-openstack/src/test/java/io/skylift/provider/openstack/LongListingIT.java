package io.skylift.provider.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skylift.provider.openstack.client.OpenStackClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * skylift-dst's Keystone issues tokens that live 180 s. A listing that takes longer must still
 * complete: one client replaces its token before it expires, the other, whose clock stands still
 * and so never sees it age, gets a real 401 from Neutron and authenticates again. The test makes
 * its own security group with enough rules for one page every 15 s or so, the last ones well
 * after the first token expired, whatever else the cloud holds.
 */
class LongListingIT {

    private static final int RULES = 12;
    /** When the last page is fetched: past the 180 s lifetime, with room for clock differences. */
    private static final Duration SPAN = Duration.ofSeconds(200);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pages_listingLongerThanTokenLifetime_completesWithFreshTokens() throws InterruptedException {
        OpenStackProviderFactory factory = Testbed.factory();
        var connection = Testbed.connection("skylift-dst");
        try (OpenStackClient ahead = ConnectionToClient.convert(connection).build();
             OpenStackClient frozen = ConnectionToClient.convert(connection).clock(Clock.fixed(Instant.now(), ZoneOffset.UTC)).build()) {
            String group = createGroupWithRules(ahead);
            try {
                String path = "/v2.0/security-group-rules?limit=1&security_group_id=" + group;
                List<String> expectedIds = ids(ahead.list(ServiceType.NETWORK, "/v2.0/security-group-rules?security_group_id=" + group,
                        "security_group_rules"));
                assertThat(expectedIds).as("rules of the test's group (its own and the two default egress rules)").hasSize(RULES + 2);
                int authenticationsBefore = ahead.authentications();
                Duration pause = SPAN.dividedBy(expectedIds.size() - 1);
                Iterator<List<JsonNode>> aheadPages = ahead.pages(ServiceType.NETWORK, path, "security_group_rules").iterator();
                Iterator<List<JsonNode>> frozenPages = frozen.pages(ServiceType.NETWORK, path, "security_group_rules").iterator();
                List<String> aheadIds = new ArrayList<>();
                List<String> frozenIds = new ArrayList<>();
                Instant started = Instant.now();
                while (aheadPages.hasNext() || frozenPages.hasNext()) {
                    if (aheadPages.hasNext()) {
                        aheadIds.addAll(ids(aheadPages.next()));
                    }
                    if (frozenPages.hasNext()) {
                        frozenIds.addAll(ids(frozenPages.next()));
                    }
                    if (aheadPages.hasNext() || frozenPages.hasNext()) {
                        Thread.sleep(pause);
                    }
                }
                assertThat(Duration.between(started, Instant.now())).isGreaterThan(Duration.ofSeconds(180));
                assertThat(aheadIds).containsExactlyInAnyOrderElementsOf(expectedIds);
                assertThat(frozenIds).containsExactlyInAnyOrderElementsOf(expectedIds);
                assertThat(ahead.authentications() - authenticationsBefore).as("tokens the client with a real clock obtained during the listing")
                        .isGreaterThanOrEqualTo(1);
                assertThat(frozen.authentications()).as("tokens the client with a frozen clock obtained, the second after a 401")
                        .isGreaterThanOrEqualTo(2);
            }
            finally {
                // A fresh client: the group must go even if the listing clients' tokens are stale.
                try (OpenStackClient cleaner = ConnectionToClient.convert(connection).build()) {
                    cleaner.delete(ServiceType.NETWORK, "/v2.0/security-groups/" + group);
                }
            }
        }
        assertThat(factory.name()).isEqualTo("openstack");
    }

    private static String createGroupWithRules(OpenStackClient client) {
        ObjectNode group = JSON.createObjectNode();
        group.putObject("security_group").put("name", "skylift-it-" + UUID.randomUUID()).put("description", "LongListingIT; deleted by the test");
        String id = client.post(ServiceType.NETWORK, "/v2.0/security-groups", group).path("security_group").path("id").asText();
        for (int port = 1; port <= RULES; port++) {
            ObjectNode rule = JSON.createObjectNode();
            rule.putObject("security_group_rule").put("security_group_id", id).put("direction", "ingress").put("ethertype", "IPv4")
                    .put("protocol", "tcp").put("port_range_min", 10000 + port).put("port_range_max", 10000 + port);
            client.post(ServiceType.NETWORK, "/v2.0/security-group-rules", rule);
        }
        return id;
    }

    private static List<String> ids(List<JsonNode> rules) {
        return rules.stream().map(rule -> rule.path("id").asText()).toList();
    }
}
