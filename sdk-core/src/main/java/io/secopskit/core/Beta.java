package io.secopskit.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public API that may still change before SecOpsKit 1.0: the vendor SPI
 * ({@code io.secopskit.core.spi}), the provisioning extension points (tenant provisioners, the store
 * interfaces, credential sinks) and clients of vendor APIs that are themselves pre-release (the
 * Chronicle tenant service, {@code v1alpha}).
 *
 * <p>Everything not marked {@code @Beta} keeps its names and signatures from 1.0 on. A {@code @Beta}
 * interface that applications implement gains new methods only as {@code default} methods, so an
 * implementation written today keeps compiling; other {@code @Beta} types may be renamed or reshaped
 * in a minor release, and the change is listed in {@code CHANGELOG.md}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD, ElementType.PACKAGE})
public @interface Beta {
}
