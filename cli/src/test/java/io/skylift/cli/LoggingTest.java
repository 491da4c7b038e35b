package io.skylift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** stdout is for command output that scripts parse, so logs must never reach it. */
class LoggingTest {

    @Test
    void logs_goToStderrFromWarnUpAndNeverToStdout() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Logger logger = LoggerFactory.getLogger(LoggingTest.class);
            logger.info("quiet by default");
            logger.warn("worth seeing");
            logger.error("failed");
        }
        finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("WARN  io.skylift.cli.LoggingTest - worth seeing")
                .contains("ERROR io.skylift.cli.LoggingTest - failed")
                .doesNotContain("quiet by default");
    }
}
