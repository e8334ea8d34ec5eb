package cn.jiaxiao.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The 429 answer: problem+json with a Retry-After in whole seconds. */
final class TooManyRequests {

    private TooManyRequests() {
    }

    static long retryAfterSeconds(long nanos) {
        return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    static void write(HttpServletResponse response, long nanos, String detail) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds(nanos)));
        ProblemWriter.write(response, HttpStatus.TOO_MANY_REQUESTS, detail);
    }
}
