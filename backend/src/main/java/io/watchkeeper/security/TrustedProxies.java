package io.watchkeeper.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Believes {@code X-Forwarded-For} and {@code X-Forwarded-Proto} only from the proxies listed in
 * {@code watchkeeper.security.trusted-proxies}. Boot's {@code forward-headers-strategy: native} installs Tomcat's
 * RemoteIpValve, whose default believes any private address (so anyone on the police network could write any
 * address into the audit log and step around the per-address login throttle); this narrows the same valve to the
 * listed addresses and CIDR ranges, and to none when the list is empty.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final String cidrs;

	TrustedProxies(SecuritySettings settings) {
		this.cidrs = cidrs(settings.trustedProxies());
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		for (Valve valve : factory.getEngineValves()) {
			if (valve instanceof RemoteIpValve remoteIp) {
				// Tomcat reads a value with '/' as CIDR ranges; empty trusts nobody.
				remoteIp.setInternalProxies(cidrs);
				remoteIp.setTrustedProxies(null);
			}
		}
	}

	/** After Boot's own customizer, which creates the valve with its default proxies. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** The list as Tomcat's comma-separated CIDR ranges: {@code 10.0.0.5} becomes {@code 10.0.0.5/32}. */
	static String cidrs(List<String> proxies) {
		List<String> ranges = new ArrayList<>();
		for (String entry : proxies == null ? List.<String>of() : proxies) {
			String proxy = entry == null ? "" : entry.strip();
			if (proxy.isEmpty()) {
				continue;
			}
			int slash = proxy.indexOf('/');
			String address = slash < 0 ? proxy : proxy.substring(0, slash);
			InetAddress parsed = literal(address, entry);
			int bits = parsed.getAddress().length * 8;
			if (slash >= 0) {
				int prefix;
				try {
					prefix = Integer.parseInt(proxy.substring(slash + 1));
				}
				catch (NumberFormatException e) {
					prefix = -1;
				}
				if (prefix < 0 || prefix > bits) {
					throw invalid(entry);
				}
				ranges.add(address + "/" + prefix);
			}
			else {
				ranges.add(address + "/" + bits);
			}
		}
		return String.join(",", ranges);
	}

	/** An IP address written out, never a host name to look up. */
	private static InetAddress literal(String address, String entry) {
		if (!address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
			throw invalid(entry);
		}
		try {
			return InetAddress.getByName(address);
		}
		catch (UnknownHostException e) {
			throw invalid(entry);
		}
	}

	private static IllegalArgumentException invalid(String entry) {
		return new IllegalArgumentException("watchkeeper.security.trusted-proxies: '" + entry
				+ "' is not an IP address or a CIDR range such as 10.0.0.5 or 10.0.0.0/24");
	}
}
