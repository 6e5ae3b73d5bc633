package io.goftgu.realtime.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends a WebSocket upgrade request over a plain TCP socket and reads the server's answer, headers included. A raw
 * request is the only way to send what WebSocket clients will not let a caller set (several Origin headers,
 * {@code Sec-WebSocket-Extensions}), and to see the exact status of a refused upgrade.
 */
public final class UpgradeProbe {

    /** The status and headers (lower-case names) of the server's answer to the upgrade request. */
    public record Answer(int status, Map<String, List<String>> headers) {

        public List<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    private UpgradeProbe() {
    }

    /** Upgrades {@code uri} (http or ws) with extra {@code "Name: value"} header lines. */
    public static Answer upgrade(URI uri, String... headerLines) {
        var key = new byte[16];
        new SecureRandom().nextBytes(key);
        var request = new StringBuilder()
                .append("GET ").append(uri.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Upgrade: websocket\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(key)).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        for (var line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("\r\n");
        try (var socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return parse(readHead(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Upgrades {@code uri} and returns the open TCP socket, for a client that behaves badly on purpose (never reads,
     * never answers pings). A small receive buffer makes a client that does not read fall behind quickly.
     */
    public static Socket open(URI uri, String... headerLines) throws IOException {
        var key = new byte[16];
        new SecureRandom().nextBytes(key);
        var request = new StringBuilder()
                .append("GET ").append(uri.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(key)).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        for (var line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("\r\n");
        var socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()));
        socket.setSoTimeout(15_000);
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        var answer = parse(readHead(socket));
        if (answer.status() != 101) {
            socket.close();
            throw new IOException("upgrade refused: " + answer.status());
        }
        return socket;
    }

    /**
     * Keeps a socket from {@link #open} showing life without reading anything: an unsolicited pong (RFC 6455 §5.5.3, a
     * one-way heartbeat) every {@code period} until the socket closes, so a test of a client that stopped reading is
     * not cut short by the idle timeout on a slow machine.
     */
    public static Thread keepAlive(Socket socket, java.time.Duration period) {
        // FIN + pong, then the mask bit with an empty payload, then the 4-byte mask every client frame carries
        var pong = new byte[] {(byte) 0x8A, (byte) 0x80, 0, 0, 0, 0};
        return Thread.ofPlatform().daemon().start(() -> {
            try {
                while (!socket.isClosed()) {
                    socket.getOutputStream().write(pong);
                    socket.getOutputStream().flush();
                    Thread.sleep(period);
                }
            } catch (IOException | InterruptedException e) {
                // the socket closed: nothing more to keep alive
            }
        });
    }

    private static String readHead(Socket socket) throws IOException {
        var in = socket.getInputStream();
        var head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            var bytes = head.toByteArray();
            var n = bytes.length;
            if (n >= 4 && new String(bytes, n - 4, 4, StandardCharsets.ISO_8859_1).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static Answer parse(String head) {
        var lines = head.split("\r\n");
        var status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new TreeMap<String, List<String>>();
        for (var i = 1; i < lines.length; i++) {
            var colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        name -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
        }
        return new Answer(status, headers);
    }
}
