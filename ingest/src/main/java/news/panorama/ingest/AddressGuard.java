package news.panorama.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import news.panorama.core.Validate;
import org.jspecify.annotations.Nullable;

/**
 * Refuses addresses a crawler must not reach (SSRF): loopback, private (RFC 1918, unique local),
 * link-local (including the cloud metadata address 169.254.169.254), carrier-grade NAT, wildcard and
 * multicast, unless an allowed range covers them. A host is checked after DNS resolution, and every
 * address it resolves to must pass. Immutable and thread-safe.
 *
 * <p>The HTTP client resolves the name again when it connects; a name whose answer changes between
 * the two look-ups (DNS rebinding) is not caught here.
 */
final class AddressGuard {
  /** Resolves a host name; tests may answer without DNS. */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private record Range(byte[] network, int bits, String text) {
    boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != network.length) return false;
      int full = bits / 8;
      for (int i = 0; i < full; i++) if (b[i] != network[i]) return false;
      int rest = bits % 8;
      if (rest == 0) return true;
      int mask = 0xff << (8 - rest) & 0xff;
      return (b[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Range> allowed;
  private final Resolver resolver;

  /** @param allowNetworks CIDR ranges such as {@code 127.0.0.0/8} or {@code ::1/128} fetched even though internal */
  AddressGuard(List<String> allowNetworks, Resolver resolver) {
    this.resolver = resolver;
    List<Range> r = new ArrayList<>();
    for (String cidr : allowNetworks) r.add(parse(cidr));
    this.allowed = List.copyOf(r);
  }

  AddressGuard(List<String> allowNetworks) {
    this(allowNetworks, InetAddress::getAllByName);
  }

  /** Why the host may not be fetched, or null when it may. */
  @Nullable String refusal(String host) {
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (UnknownHostException e) {
      return null; // the request itself fails with a clear "no response" reason
    }
    for (InetAddress a : addresses) {
      String kind = internal(a);
      if (kind != null && allowed.stream().noneMatch(r -> r.contains(a))) {
        return "refused: " + host + " resolves to " + kind + " address " + a.getHostAddress()
            + " (allow it with setting ingest.allow-networks)";
      }
    }
    return null;
  }

  private static @Nullable String internal(InetAddress a) {
    if (a.isLoopbackAddress()) return "a loopback";
    if (a.isAnyLocalAddress()) return "a wildcard";
    if (a.isLinkLocalAddress()) return "a link-local";
    if (a.isSiteLocalAddress()) return "a private";
    if (a.isMulticastAddress()) return "a multicast";
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int b0 = b[0] & 0xff;
      int b1 = b[1] & 0xff;
      if (b0 == 100 && b1 >= 64 && b1 < 128) return "a carrier-grade NAT";
      if (b0 == 0) return "a 'this network'";
      if (b0 >= 240) return "a reserved";
    } else if (a instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) return "a unique-local (private)";
      boolean mapped = true;
      for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return "an unreadable";
        }
      }
    }
    return null;
  }

  private static Range parse(String cidr) {
    String[] parts = cidr.trim().split("/", 2);
    byte[] net;
    try {
      Validate.isTrue(parts[0].matches("[0-9A-Fa-f:.]+"), "not an address");
      net = InetAddress.getByName(parts[0]).getAddress();
    } catch (UnknownHostException | IllegalArgumentException e) {
      throw new IllegalArgumentException("allowed network '" + cidr + "' is not an address range such as 127.0.0.0/8");
    }
    int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : net.length * 8;
    Validate.isTrue(bits >= 0 && bits <= net.length * 8, "allowed network '" + cidr + "' has a prefix longer than the address");
    return new Range(net, bits, cidr);
  }
}
