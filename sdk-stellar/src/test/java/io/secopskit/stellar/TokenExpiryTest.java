package io.secopskit.stellar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where a Stellar Cyber token answer carries the JWT's expiry (amendment 12): {@code exp} or
 * {@code expires_in} at the root, beside a token under {@code data}, or an expiration under {@code data};
 * and hostile values that must neither throw nor make a token live unbounded. The JWTs the fake signs live
 * an hour (or two days), while the answers say 300 s: a refresh before the JWT's own expiry proves the
 * answer was read. Refresh-ahead is 60 s, so a 300 s token is refreshed after 240 s.
 */
class TokenExpiryTest extends StellarTestBase {
    private static final long ANSWER_LIFETIME = 300;
    private static final long JWT_LIFETIME = 3600;

    /** The fake gives the JWT and its own exp (now + 1 h); each shape states now + 300 s its own way. */
    static Stream<Arguments> shapes() {
        return Stream.of(
                shape("exp (epoch seconds) at the root, as documented",
                        (jwt, exp) -> "{\"access_token\":\"" + jwt + "\",\"exp\":" + answerExp(exp) + "}"),
                shape("exp in epoch milliseconds",
                        (jwt, exp) -> "{\"access_token\":\"" + jwt + "\",\"exp\":" + answerExp(exp) * 1000 + "}"),
                shape("expires_in (seconds from now) at the root",
                        (jwt, exp) -> "{\"access_token\":\"" + jwt + "\",\"expires_in\":" + ANSWER_LIFETIME + "}"),
                shape("token and exp under data",
                        (jwt, exp) -> "{\"data\":{\"access_token\":\"" + jwt + "\",\"exp\":" + answerExp(exp) + "}}"),
                shape("token and expires_in under data",
                        (jwt, exp) -> "{\"data\":{\"access_token\":\"" + jwt + "\",\"expires_in\":\"" + ANSWER_LIFETIME + "\"}}"),
                shape("token at the root, expiration under data",
                        (jwt, exp) -> "{\"access_token\":\"" + jwt + "\",\"data\":{\"expiration\":" + answerExp(exp) + "}}"),
                shape("token at the root, ISO-8601 expiration under data",
                        (jwt, exp) -> "{\"access_token\":\"" + jwt + "\",\"data\":{\"expiration\":\""
                                + Instant.ofEpochSecond(answerExp(exp)) + "\"}}"),
                shape("token under data, exp at the root",
                        (jwt, exp) -> "{\"exp\":" + answerExp(exp) + ",\"data\":{\"access_token\":\"" + jwt + "\"}}"));
    }

    private static long answerExp(long jwtExp) {
        return jwtExp - JWT_LIFETIME + ANSWER_LIFETIME;
    }

    private static Arguments shape(String name, BiFunction<String, Long, String> body) {
        return Arguments.of(name, body);
    }

    private void call() {
        client.tenants().list().stream().count();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void expiry_isReadWhereverTheAnswerCarriesIt(String name, BiFunction<String, Long, String> body) {
        fake.tokenLifetime(Duration.ofSeconds(JWT_LIFETIME)).tokenAnswer(body);

        call();
        clock.advance(Duration.ofSeconds(230));
        call();
        assertEquals(1, fake.tokensIssued(), "still fresh at 230 s of 300");
        clock.advance(Duration.ofSeconds(20));
        call();

        assertEquals(2, fake.tokensIssued(), name + ": refreshed at 250 s, so the answer's 300 s was read"
                + " (the JWT's own exp says 3600 s)");
        assertEquals(0, fake.unauthorizedResponses());
    }

    @Test
    void expiry_absentFromTheAnswer_comesFromTheJwtsOwnExpClaim() {
        fake.tokenLifetime(Duration.ofSeconds(ANSWER_LIFETIME)).tokenAnswer((jwt, exp) -> "{\"access_token\":\"" + jwt + "\"}");

        call();
        clock.advance(Duration.ofSeconds(230));
        call();
        assertEquals(1, fake.tokensIssued());
        clock.advance(Duration.ofSeconds(20));
        call();

        assertEquals(2, fake.tokensIssued());
        assertEquals(0, fake.unauthorizedResponses());
    }

    /** Hostile or unreadable expiry values in every place the answer may carry one. */
    static Stream<Arguments> hostileValues() {
        String[] values = {"1e30", "9223372036854775807", "-9223372036854775808", "-1", "0", "1", "\"garbage\"", "\"\"",
                "null", "true", "{}", "[]", "\"NaN\"", "\"Infinity\"", "1.7976931348623157E308", "\"9999-12-31T23:59:59Z\""};
        Stream.Builder<Arguments> out = Stream.builder();
        for (String v : values) {
            out.add(Arguments.of("exp: " + v, (BiFunction<String, Long, String>) (jwt, exp) ->
                    "{\"access_token\":\"" + jwt + "\",\"exp\":" + v + "}"));
            out.add(Arguments.of("expires_in: " + v, (BiFunction<String, Long, String>) (jwt, exp) ->
                    "{\"access_token\":\"" + jwt + "\",\"expires_in\":" + v + "}"));
            out.add(Arguments.of("data.expiration: " + v, (BiFunction<String, Long, String>) (jwt, exp) ->
                    "{\"data\":{\"access_token\":\"" + jwt + "\",\"expiration\":" + v + "}}"));
        }
        return out.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileValues")
    void expiry_hostileValue_neverThrows_neverStorms_andIsBoundedTo24Hours(String name, BiFunction<String, Long, String> body) {
        fake.tokenLifetime(Duration.ofHours(48)).tokenAnswer(body);

        call();
        call();
        assertEquals(1, fake.tokensIssued(), name + ": a hostile expiry must not make every call fetch a token");
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        call();

        assertEquals(2, fake.tokensIssued(), name + ": no token is believed for more than 24 h, whatever the answer says");
        assertEquals(0, fake.unauthorizedResponses());
    }

    @Test
    void expiry_absurdlyLateWhileTheJwtLivesTenMinutes_recoversThroughOneRefreshAfter401() {
        fake.tokenAnswer((jwt, exp) -> "{\"access_token\":\"" + jwt + "\",\"exp\":1e30}");

        call();
        clock.advance(Duration.ofSeconds(601));
        call();

        assertEquals(2, fake.tokensIssued(), "the refused token was replaced once");
        assertTrue(fake.unauthorizedResponses() <= 1, "at most the one 401 that revealed the expiry");
        assertEquals(0, sleeps.size());
    }
}
