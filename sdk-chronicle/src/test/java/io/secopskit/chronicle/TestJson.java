package io.secopskit.chronicle;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.secopskit.core.spi.VendorPipeline;
import java.net.URI;

/** The mapper every Chronicle client reads answers with — the pipeline's (the SPI), never core's internals. */
public final class TestJson {
    /** The pipeline's shared mapper. */
    public static final ObjectMapper MAPPER;

    static {
        try (VendorPipeline pipeline = VendorPipeline.builder(ChronicleClient.VENDOR)
                .endpoint(URI.create("https://backstory.googleapis.com")).build()) {
            MAPPER = pipeline.mapper();
        }
    }

    private TestJson() {
    }
}
