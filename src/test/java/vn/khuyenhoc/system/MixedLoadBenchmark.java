package vn.khuyenhoc.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A mixed load of commune officers against one or several running instances (issue 14; not a test: excluded from
 * {@code ./mvnw verify}, and skipped unless asked for). {@code scripts/mixed-load.sh} makes the accounts and runs it:
 *
 * <pre>
 * ./mvnw -o -q test -Dtest=MixedLoadBenchmark -Dkhuyenhoc.bench.mixed-load=true \
 *     -Dkhuyenhoc.bench.targets=http://127.0.0.1:8121,http://127.0.0.1:8122 -Dkhuyenhoc.bench.users=50 \
 *     -Dkhuyenhoc.bench.accounts=/tmp/kh-m/bench-users.csv -Dkhuyenhoc.bench.password=… -Dspotless.check.skip=true
 * </pre>
 *
 * Each virtual user is one thread with its own cookies, one line of the accounts file (username, village code,
 * registration id). It signs in through the form (GET /login for the CSRF token, POST /login, then the home page it
 * is sent to), and then loops: dashboard, household search "nguyen", household search "tran thi" (typed without
 * diacritics), a new household in its village (the form's POST), a saved self-assessment draft of its registration
 * (the page's PUT with the CSRF header), and the public statistics without a session; every {@code sign-in-every}th loop (4) it
 * signs in afresh with new cookies (and at the next loop after a refused sign-in, skipping the rest of that loop; the two
 * writes are skipped too when no page has given it a CSRF token since it signed in, as a person cannot send a form
 * that never loaded). The users start one after the other over the first half of the warm-up. Between two requests
 * it thinks for a uniformly random 0–{@code think-ms} ms. Each request goes to the next target in turn (round robin
 * per user, the same cookies everywhere: a load balancer without sticky sessions). Requests started during the warm-up are not counted; the run then measures for {@code seconds}. A
 * request not answered within 10 s is a timeout.
 */
@EnabledIfSystemProperty(named = "khuyenhoc.bench.mixed-load", matches = "true")
class MixedLoadBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("^SESSION=([^;]*)");
    private static final List<String> KINDS = List.of(
            "sign-in: GET /login",
            "sign-in: POST /login",
            "home /",
            "dashboard",
            "search q=nguyen",
            "search q=tran thi",
            "new household (POST /families)",
            "save draft (PUT …/draft)",
            "public statistics");

    record Account(String username, String village, long registration) {}

    /** One request as measured: its kind, when it started (ns), how long it took (ns), its status (0: timeout, -1: I/O). */
    record Sample(int kind, long start, long nanos, int status, boolean expected, String location) {}

    private final List<URI> targets = Arrays.stream(
                    System.getProperty("khuyenhoc.bench.targets", "http://127.0.0.1:8121")
                            .split(","))
            .map(String::trim)
            .map(URI::create)
            .toList();
    private final int users = Integer.getInteger("khuyenhoc.bench.users", 50);
    private final String password = System.getProperty("khuyenhoc.bench.password", "");
    private final int warmUp = Integer.getInteger("khuyenhoc.bench.warmup", 20);
    private final int seconds = Integer.getInteger("khuyenhoc.bench.seconds", 60);
    private final int thinkMs = Integer.getInteger("khuyenhoc.bench.think-ms", 500);
    private final int signInEvery = Integer.getInteger("khuyenhoc.bench.sign-in-every", 4);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    private volatile long measureFrom;
    private volatile long stopAt;

    @Test
    void mixedLoad() throws Exception {
        List<Account> accounts = Files.readAllLines(Path.of(System.getProperty("khuyenhoc.bench.accounts"))).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.split(","))
                .map(f -> new Account(f[0].trim(), f[1].trim(), Long.parseLong(f[2].trim())))
                .toList();
        if (accounts.size() < users) {
            throw new IllegalStateException(users + " virtual users but " + accounts.size() + " accounts");
        }
        // one user through every step once (its requests go round the targets too), so that a wrong password or a
        // refused draft stops the run before it starts
        VirtualUser probe = new VirtualUser(accounts.get(0), 0, 0);
        probe.signIn();
        probe.iteration(1);
        List<Sample> wrong = probe.samples.stream().filter(s -> !s.expected()).toList();
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("probe: " + describe(wrong));
        }
        System.out.printf(
                "mixed load: %d users, targets %s, warm-up %d s, measured %d s, think 0-%d ms, a new sign-in every %d loops; load average %s%n",
                users, targets, warmUp, seconds, thinkMs, signInEvery, loadAverage());
        long start = System.nanoTime();
        measureFrom = start + TimeUnit.SECONDS.toNanos(warmUp);
        stopAt = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        List<VirtualUser> all = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        for (int i = 0; i < users; i++) {
            VirtualUser user = new VirtualUser(accounts.get(i), i, i);
            all.add(user);
            pool.submit(user::run);
        }
        pool.shutdown();
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(measureFrom - System.nanoTime()));
        String atStart = loadAverage();
        if (!pool.awaitTermination(warmUp + seconds + 30L, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        System.out.printf("load average when measuring began %s, at the end %s%n", atStart, loadAverage());
        List<Sample> measured = new ArrayList<>();
        for (VirtualUser user : all) {
            synchronized (user.samples) {
                user.samples.stream()
                        .filter(s -> s.start() >= measureFrom && s.start() < stopAt)
                        .forEach(measured::add);
            }
        }
        report(measured);
    }

    private void report(List<Sample> measured) {
        System.out.println(
                "| Request | Count | Throughput | p50 | p95 | p99 | Max | Answers | 500 | Timeouts (> 10 s) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int kind = 0; kind < KINDS.size(); kind++) {
            int k = kind;
            row(KINDS.get(kind), measured.stream().filter(s -> s.kind() == k).toList());
        }
        row("**all**", measured);
        List<Sample> wrong = measured.stream().filter(s -> !s.expected()).toList();
        System.out.println(wrong.isEmpty() ? "every answer as expected" : "unexpected answers: " + describe(wrong));
    }

    private void row(String label, List<Sample> samples) {
        if (samples.isEmpty()) {
            System.out.printf("| %s | 0 | | | | | | | | |%n", label);
            return;
        }
        long[] ns = samples.stream().mapToLong(Sample::nanos).sorted().toArray();
        Map<Integer, Long> statuses = new TreeMap<>();
        samples.forEach(s -> statuses.merge(s.status(), 1L, Long::sum));
        StringBuilder answers = new StringBuilder();
        statuses.forEach((status, count) -> answers.append(answers.isEmpty() ? "" : ", ")
                .append(status == 0 ? "timeout" : status == -1 ? "I/O error" : status.toString())
                .append(" × ")
                .append(String.format("%,d", count)));
        System.out.printf(
                "| %s | %,d | %.1f/s | %s | %s | %s | %s | %s | %d | %d |%n",
                label,
                ns.length,
                ns.length / (double) seconds,
                ms(percentile(ns, 0.50)),
                ms(percentile(ns, 0.95)),
                ms(percentile(ns, 0.99)),
                ms(ns[ns.length - 1]),
                answers,
                statuses.getOrDefault(500, 0L),
                statuses.getOrDefault(0, 0L));
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String ms(long nanos) {
        return String.format("%,d ms", Math.round(nanos / 1e6));
    }

    private static String describe(List<Sample> wrong) {
        Map<String, Long> counts = new LinkedHashMap<>();
        wrong.forEach(s -> counts.merge(
                KINDS.get(s.kind()) + " → " + s.status() + (s.location().isEmpty() ? "" : " " + where(s.location())),
                1L,
                Long::sum));
        return counts.toString();
    }

    /** The path and query a redirect went to. */
    private static String where(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** One person at a browser: its cookies, its CSRF token, the instance its next request goes to. */
    private final class VirtualUser {

        final Account account;
        final int index;
        final List<Sample> samples = new ArrayList<>();
        int next;
        String session = "";
        String csrf = "";
        boolean signedIn;

        VirtualUser(Account account, int index, int firstTarget) {
            this.account = account;
            this.index = index;
            this.next = firstTarget;
        }

        void run() {
            try {
                // people arrive over the first half of the warm-up, not all in the same millisecond
                Thread.sleep(TimeUnit.SECONDS.toMillis(warmUp) / 2 * index / users);
                for (int i = 0; System.nanoTime() < stopAt; i++) {
                    // a sign-in refused (503 when the instance is full) is tried again, as a person would
                    if (i % signInEvery == 0 || !signedIn) {
                        signIn();
                        if (!signedIn) {
                            continue;
                        }
                    }
                    iteration(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void signIn() throws InterruptedException {
            session = "";
            csrf = "";
            signedIn = false;
            Answer form = send(0, HttpRequest.newBuilder(uri("/login")).GET(), 200);
            Matcher token = FORM_CSRF.matcher(form.body());
            if (!token.find()) {
                return; // counted as the GET's answer; the next loop's pages show the missing session
            }
            String body = "username=" + encode(account.username()) + "&password=" + encode(password) + "&_csrf="
                    + encode(token.group(1));
            Answer answer = send(
                    1,
                    HttpRequest.newBuilder(uri("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)),
                    302);
            if (answer.location().contains("error")) {
                throw new IllegalStateException(account.username() + " could not sign in");
            }
            signedIn = answer.status() == 302
                    && URI.create(answer.location()).getPath().equals("/");
            if (answer.status() == 302 && !signedIn) {
                // redirected elsewhere than home: not signed in, whatever the status says
                synchronized (samples) {
                    Sample last = samples.remove(samples.size() - 1);
                    samples.add(new Sample(1, last.start(), last.nanos(), 302, false, answer.location()));
                }
            }
            if (signedIn) {
                // only after a sign-in that went home: a shed POST (503) is not followed by a page it cannot open,
                // which the first runs counted as "the home page sent a signed-in user back to /login"
                send(2, HttpRequest.newBuilder(uri("/")).GET(), 200);
            }
        }

        void iteration(int i) throws InterruptedException {
            send(3, HttpRequest.newBuilder(uri("/dashboard")).GET(), 200);
            send(4, HttpRequest.newBuilder(uri("/families?q=nguyen")).GET(), 200);
            send(5, HttpRequest.newBuilder(uri("/families?q=tran%20thi")).GET(), 200);
            if (csrf.isEmpty()) {
                // no page has loaded since the sign-in (each answered 503): there is no form to send
                send(8, HttpRequest.newBuilder(uri("/public/statistics")).GET(), 200, false);
                return;
            }
            String household = "headName=" + encode("Nguyễn Văn Tải " + index + "-" + i + "-" + System.nanoTime())
                    + "&villageCode=" + encode(account.village())
                    + "&address=" + encode("Số " + i + ", đường thử tải") + "&members=4&adults=2&schoolAgeChildren=1"
                    + "&_csrf=" + encode(csrf);
            send(
                    6,
                    HttpRequest.newBuilder(uri("/families"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(household)),
                    302);
            String draft = "{\"scores\":{\"1.1\":" + ThreadLocalRandom.current().nextInt(0, 11)
                    + "},\"comment\":\"Nháp lưu khi thử tải, vòng " + i + "\"}";
            send(
                    7,
                    HttpRequest.newBuilder(uri("/registrations/" + account.registration() + "/draft"))
                            .header("Content-Type", "application/json")
                            .header("X-CSRF-TOKEN", csrf)
                            .PUT(HttpRequest.BodyPublishers.ofString(draft)),
                    200);
            send(8, HttpRequest.newBuilder(uri("/public/statistics")).GET(), 200, false);
        }

        record Answer(int status, String body, String location) {}

        Answer send(int kind, HttpRequest.Builder request, int expected) throws InterruptedException {
            return send(kind, request, expected, true);
        }

        Answer send(int kind, HttpRequest.Builder request, int expected, boolean withSession)
                throws InterruptedException {
            if (withSession && !session.isEmpty()) {
                request.header("Cookie", "SESSION=" + session);
            }
            long start = System.nanoTime();
            int status;
            String body = "";
            String location = "";
            try {
                HttpResponse<String> response =
                        http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                body = response.body();
                location = response.headers().firstValue("Location").orElse("");
                if (withSession) {
                    for (String cookie : response.headers().allValues("Set-Cookie")) {
                        Matcher value = SESSION.matcher(cookie);
                        if (value.find()) {
                            session = value.group(1);
                        }
                    }
                    Matcher token = META_CSRF.matcher(body);
                    if (token.find()) {
                        csrf = token.group(1);
                    }
                }
            } catch (HttpTimeoutException e) {
                status = 0;
            } catch (IOException e) {
                status = -1;
            }
            long nanos = System.nanoTime() - start;
            synchronized (samples) {
                samples.add(
                        new Sample(kind, start, nanos, status, status == expected, status == expected ? "" : location));
            }
            int think = thinkMs > 0 ? ThreadLocalRandom.current().nextInt(thinkMs + 1) : 0;
            Thread.sleep(think);
            return new Answer(status, body, location);
        }

        URI uri(String path) {
            URI target = targets.get(next++ % targets.size());
            return target.resolve(path);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
