/**
 * Implementation of SecOpsKit shared by the vendor modules. Not part of the public API: types here may
 * change in any release.
 */
package io.secopskit.core.internal;
