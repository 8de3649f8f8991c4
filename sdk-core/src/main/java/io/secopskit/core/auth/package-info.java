/**
 * Authentication strategies: static header keys, HTTP Basic, OAuth 2.0 client credentials and
 * key-for-JWT exchange. Token strategies share one thread-safe, single-flight token cache.
 */
package io.secopskit.core.auth;
