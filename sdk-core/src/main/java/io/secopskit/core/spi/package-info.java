/**
 * The declared contract between sdk-core and the SecOpsKit vendor modules: the pipeline
 * ({@link io.secopskit.core.spi.VendorPipeline}), the request description
 * ({@link io.secopskit.core.spi.ApiRequest}), answers ({@link io.secopskit.core.spi.ApiResponse}), paging
 * ({@link io.secopskit.core.spi.Pager}), error decoding ({@link io.secopskit.core.spi.ErrorDecoder},
 * {@link io.secopskit.core.spi.ErrorMapping}, {@link io.secopskit.core.spi.StandardErrorDecoder}) and input
 * checks ({@link io.secopskit.core.spi.Inputs}).
 *
 * <p>For SecOpsKit vendor modules (and anyone writing one): applications use the vendor clients, not this
 * package. Everything here is {@link io.secopskit.core.Beta} and may change between minor releases until
 * 1.0; vendor modules never import {@code io.secopskit.core.internal} (a build test enforces it).
 */
@io.secopskit.core.Beta
package io.secopskit.core.spi;
