package io.watchkeeper.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a local port, for tests that take a server away from the application without touching the
 * server itself (the machine's PostgreSQL is shared): {@link #cut()} closes the port and every connection through
 * it, as a database restart does; {@link #reopen()} listens on the same port again.
 */
public final class TcpProxy implements AutoCloseable {

	private final String targetHost;
	private final int targetPort;
	private final Set<Socket> open = ConcurrentHashMap.newKeySet();
	private volatile ServerSocket server;
	private volatile int port;

	public TcpProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		listen(0);
	}

	public int port() {
		return port;
	}

	/** The database away: the port refuses connections and the connections through it break. */
	public synchronized void cut() {
		closeQuietly(server);
		server = null;
		for (Socket s : open) {
			closeQuietly(s);
		}
		open.clear();
	}

	/** The database back, on the same port. */
	public synchronized void reopen() {
		if (server == null) {
			listen(port);
		}
	}

	@Override
	public void close() {
		cut();
	}

	private void listen(int onPort) {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
			server = socket;
			port = socket.getLocalPort();
			Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-accept-" + port);
			acceptor.setDaemon(true);
			acceptor.start();
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot listen on " + onPort, e);
		}
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Socket upstream = new Socket(targetHost, targetPort);
				open.add(client);
				open.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException e) {
				// closed by cut(), or the target refused: the client sees its connection end
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread t = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int n; (n = in.read(buffer)) >= 0;) {
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException e) {
				// one side went away
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				open.remove(from);
				open.remove(to);
			}
		}, "tcp-proxy-pump");
		t.setDaemon(true);
		t.start();
	}

	private static void closeQuietly(AutoCloseable c) {
		if (c != null) {
			try {
				c.close();
			}
			catch (Exception e) {
				// closing anyway
			}
		}
	}
}
