package io.skylift.provider.openstack.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.skylift.spi.ErrorCode;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HttpFailureTest {

    private static HttpFailure failure(int status, String message, Optional<Duration> retryAfter) {
        return new HttpFailure("Nova", "POST", URI.create("http://nova/v2.1/servers"), status, Optional.of("req-9"), message, retryAfter);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "400 | Invalid input for field/attribute name. | CLOUD_REJECTED",
        "401 | The request you have made requires authentication. | AUTHENTICATION_FAILED",
        "403 | Policy doesn't allow os_compute_api:servers:create to be performed. | PERMISSION_DENIED",
        "403 | Quota exceeded for cores: Requested 4, but already used 20 of 20 cores | QUOTA_EXCEEDED",
        "404 | Instance x could not be found. | NOT_FOUND",
        "409 | Keypair data is invalid: Key pair 'k' already exists. | ALREADY_EXISTS",
        "409 | Quota exceeded for resources: ['port']. | QUOTA_EXCEEDED",
        "409 | Cannot 'delete' instance x while it is in task_state rebuilding | CLOUD_REJECTED",
        "413 | VolumeSizeExceedsAvailableQuota: Requested volume exceeds allowed gigabytes quota. | QUOTA_EXCEEDED",
        "413 | Request Entity Too Large | CLOUD_REJECTED",
        "429 | Too Many Requests | RATE_LIMITED",
        "500 | Unexpected API Error. | CLOUD_UNAVAILABLE",
        "503 | Service Unavailable | CLOUD_UNAVAILABLE",
        "418 | I'm a teapot | CLOUD_REJECTED"})
    void code_mapsStatusAndMessage(int status, String message, ErrorCode code) {
        assertThat(failure(status, message, Optional.empty()).code()).isEqualTo(code);
    }

    @Test
    void code_413WithRetryAfter_isRateLimited() {
        assertThat(failure(413, "slow down", Optional.of(Duration.ofSeconds(1))).code()).isEqualTo(ErrorCode.RATE_LIMITED);
    }

    @Test
    void isTransient_onlyForServerErrorsAndRateLimits() {
        assertThat(failure(503, "", Optional.empty()).isTransient()).isTrue();
        assertThat(failure(429, "", Optional.empty()).isTransient()).isTrue();
        assertThat(failure(404, "", Optional.empty()).isTransient()).isFalse();
        assertThat(failure(403, "quota", Optional.empty()).isTransient()).isFalse();
    }

    @Test
    void toException_namesRequestCloudMessageAndFix() {
        assertThat(failure(403, "Quota exceeded for instances", Optional.empty()).toException(1))
                .hasMessage("Nova refused POST http://nova/v2.1/servers (HTTP 403, request req-9): Quota exceeded for instances: "
                        + "raise the project's quota or free some of it");
    }

    @Test
    void cloudMessage_readsEachServicesShape() {
        assertThat(CloudErrorMessage.of("{\"itemNotFound\": {\"code\": 404, \"message\": \"Flavor f could not be found.\"}}"))
                .isEqualTo("Flavor f could not be found.");
        assertThat(CloudErrorMessage.of("{\"NeutronError\": {\"type\": \"OverQuota\", \"message\": \"Quota exceeded for resources: ['port'].\", \"detail\": \"\"}}"))
                .isEqualTo("Quota exceeded for resources: ['port'].");
        assertThat(CloudErrorMessage.of("{\"error\": {\"code\": 401, \"message\": \"The request you have made requires authentication.\", \"title\": \"Unauthorized\"}}"))
                .isEqualTo("The request you have made requires authentication.");
        assertThat(CloudErrorMessage.of("{\"errors\": [{\"status\": 409, \"title\": \"Conflict\", \"detail\": \"resource provider generation conflict\"}]}"))
                .isEqualTo("resource provider generation conflict");
        assertThat(CloudErrorMessage.of("{\"faultstring\": \"Volume type not found\"}")).isEqualTo("Volume type not found");
        assertThat(CloudErrorMessage.of("<html>\n <head><title>404 Not Found</title></head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID x\n </body>\n</html>"))
                .isEqualTo("404 Not Found No image found with ID x");
        assertThat(CloudErrorMessage.of("")).isEmpty();
    }
}
