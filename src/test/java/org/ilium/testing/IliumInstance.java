package org.ilium.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ilium.IliumApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Ilium in this JVM: the Spring application on its embedded PostgreSQL in {@code dataDir}, on a
 * free loopback port, with a known administrator password. Close it to stop both.
 */
public final class IliumInstance implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "correct-horse-battery";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ConfigurableApplicationContext context;
    private final URI base;

    private IliumInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    /** {@code extraArgs} are {@code --key=value} settings; they replace the defaults of the same key. */
    public static IliumInstance start(Path dataDir, String... extraArgs) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : List.of("--server.port=0", "--ilium.data-dir=" + dataDir, "--ilium.admin.password=" + ADMIN_PASSWORD)) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        for (String arg : extraArgs) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        return new IliumInstance(SpringApplication.run(IliumApplication.class, args.values().toArray(String[]::new)));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public URI base() {
        return base;
    }

    public Client as(String user, String password) {
        return new Client(user, password);
    }

    public Client admin() {
        return as(ADMIN, ADMIN_PASSWORD);
    }

    /** Creates another site with its administrator ({@code <code>-admin}) and returns that administrator's client. */
    public Client secondSite(String code, String name) {
        String password = code + "-password-1";
        Response site = admin().post("/api/v1/sites", "{\"code\":\"" + code + "\",\"name\":\"" + name
                + "\",\"admin\":{\"username\":\"" + code + "-admin\",\"password\":\"" + password + "\"}}");
        if (site.status() != 201) {
            throw new IllegalStateException("site " + code + " not created: " + site.body());
        }
        return as(code + "-admin", password);
    }

    public Client anonymous() {
        return new Client(null, null);
    }

    @Override
    public void close() {
        context.close();
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** An HTTP response with its body parsed as JSON when it is JSON. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            return IliumInstance.json(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").stringValue()));
            return fields;
        }
    }

    /** Requests as one user (HTTP Basic), or anonymously. */
    public final class Client {
        private final String authorization;

        private Client(String user, String password) {
            this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        public Response get(String path) {
            return send("GET", path, null);
        }

        public Response post(String path, String json) {
            return send("POST", path, json);
        }

        public Response put(String path, String json, String ifMatch) {
            return send("PUT", path, json, "If-Match", ifMatch);
        }

        public Response send(String method, String path, String body, String... headers) {
            return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), "application/json", headers);
        }

        public Response sendBytes(String method, String path, byte[] body, String contentType, String... headers) {
            HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (body != null && contentType != null) {
                req.header("Content-Type", contentType);
            }
            if (authorization != null) {
                req.header("Authorization", authorization);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                if (headers[i + 1] != null) {
                    req.header(headers[i], headers[i + 1]);
                }
            }
            try {
                HttpResponse<String> res = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(res.statusCode(), res.headers(), res.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
