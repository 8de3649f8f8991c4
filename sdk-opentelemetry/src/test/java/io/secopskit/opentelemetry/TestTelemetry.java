package io.secopskit.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** An OpenTelemetry SDK exporting into memory, and ways to read what it recorded. */
final class TestTelemetry implements AutoCloseable {
    final InMemorySpanExporter spanExporter = InMemorySpanExporter.create();
    final InMemoryMetricReader metricReader = InMemoryMetricReader.create();
    final OpenTelemetrySdk sdk;

    TestTelemetry() {
        this(Sampler.alwaysOn());
    }

    TestTelemetry(Sampler sampler) {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().setSampler(sampler)
                        .addSpanProcessor(SimpleSpanProcessor.create(spanExporter)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metricReader).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    List<SpanData> spans() {
        return spanExporter.getFinishedSpanItems();
    }

    List<SpanData> spans(String name) {
        return spans().stream().filter(s -> s.getName().equals(name)).toList();
    }

    SpanData span(String name) {
        List<SpanData> found = spans(name);
        assertEquals(1, found.size(), () -> "spans named " + name + " in " + names());
        return found.get(0);
    }

    List<String> names() {
        return spans().stream().map(SpanData::getName).toList();
    }

    Collection<MetricData> metrics() {
        return metricReader.collectAllMetrics();
    }

    Optional<MetricData> metric(String name) {
        return metrics().stream().filter(m -> m.getName().equals(name)).findFirst();
    }

    List<HistogramPointData> histogram(String name) {
        return metric(name).map(m -> (List<HistogramPointData>) new ArrayList<>(m.getHistogramData().getPoints()))
                .orElse(List.of());
    }

    List<LongPointData> counter(String name) {
        return metric(name).map(m -> (List<LongPointData>) new ArrayList<>(m.getLongSumData().getPoints()))
                .orElse(List.of());
    }

    /** The single histogram point with exactly these attributes. */
    HistogramPointData histogramPoint(String name, Attributes attributes) {
        List<HistogramPointData> found = histogram(name).stream().filter(p -> p.getAttributes().equals(attributes)).toList();
        assertEquals(1, found.size(), () -> name + " points with " + attributes + " in " + histogram(name));
        return found.get(0);
    }

    /** The value of the counter point with exactly these attributes. */
    long counterValue(String name, Attributes attributes) {
        List<LongPointData> found = counter(name).stream().filter(p -> p.getAttributes().equals(attributes)).toList();
        assertEquals(1, found.size(), () -> name + " points with " + attributes + " in " + counter(name));
        return found.get(0).getValue();
    }

    @Override
    public void close() {
        sdk.close();
    }
}
