"""A subnet calculator and address report with ipaddress, plus URL handling with urllib.parse."""
import ipaddress
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_interface, ip_network
from urllib.parse import (parse_qs, parse_qsl, quote, quote_plus, unquote, unquote_plus, urldefrag,
                          urlencode, urljoin, urlparse, urlsplit, urlunparse)

net = ip_network("192.168.10.0/23")
print(net, net.network_address, net.broadcast_address, net.netmask, net.hostmask, net.num_addresses,
      net.prefixlen, net.with_netmask, net.with_hostmask, net.is_private, net.is_global)
hosts = list(net.hosts())
print(hosts[0], hosts[-1], len(hosts))
for sub in net.subnets(new_prefix=25):
    print(" ", sub, sub[1], sub[-2])
print(list(net.supernet(prefixlen_diff=3).subnets(prefixlen_diff=1)), net.supernet(new_prefix=16))
print(ip_network("10.0.0.0/8").overlaps(ip_network("10.1.0.0/16")), ip_network("10.1.0.0/16").subnet_of(ip_network("10.0.0.0/8")),
      list(ip_network("10.0.0.0/24").address_exclude(ip_network("10.0.0.64/26"))))
print(list(ipaddress.collapse_addresses([ip_network("192.0.2.0/25"), ip_network("192.0.2.128/25"), ip_network("192.0.3.0/24")])))
print(list(ipaddress.summarize_address_range(IPv4Address("192.0.2.0"), IPv4Address("192.0.2.130"))))
addrs = ["8.8.8.8", "127.0.0.1", "10.1.2.3", "169.254.1.1", "224.0.0.1", "0.0.0.0", "255.255.255.255",
         "100.64.0.1", "::1", "fe80::1", "2001:db8::1", "::ffff:192.0.2.1", "2002:c000:204::1", "fc00::5"]
for a in addrs:
    ip = ip_address(a)
    flags = [name for name in ("is_private", "is_global", "is_loopback", "is_link_local", "is_multicast",
                               "is_unspecified", "is_reserved") if getattr(ip, name)]
    extra = ""
    if ip.version == 6:
        extra = f" mapped={ip.ipv4_mapped} 6to4={ip.sixtofour} exploded={ip.exploded}"
    print(f"{a:<18} v{ip.version} {int(ip):>40} {ip.reverse_pointer:<40} {flags}{extra}")
print(IPv4Address("1.2.3.4") + 300, IPv4Address(3232235777), IPv6Address(1), ip_address(b"\x7f\x00\x00\x01"),
      IPv4Address("10.0.0.1") < IPv4Address("10.0.0.2"), sorted([ip_address("10.0.0.10"), ip_address("10.0.0.9")]))
print(IPv6Address("2001:0db8:0000:0000:0000:ff00:0042:8329").compressed, IPv6Address("fe80::1%eth0").scope_id,
      IPv6Network("2001:db8::/32").num_addresses, format(IPv4Address("192.168.0.1"), "b"), format(IPv6Address("::1"), "_x"),
      f"{IPv4Address('10.0.0.1'):#x}", IPv4Address("10.0.0.1").packed)
iface = ip_interface("192.168.1.77/26")
print(iface, iface.ip, iface.network, iface.with_prefixlen, iface.with_netmask, iface.hostmask)
for bad in ["300.1.1.1", "1.2.3", "192.168.1.1/33", "::g", "1.2.3.04", "10.0.0.1/24"]:
    try:
        print(ip_network(bad) if "/" in bad else ip_address(bad))
    except ValueError as exc:
        print(type(exc).__name__, exc)
print(ip_network("10.0.0.1/24", strict=False), hash(ip_address("1.1.1.1")) == hash(ip_address("1.1.1.1")))
try:
    ip_address("1.1.1.1") < ip_address("::1")
except TypeError as exc:
    print("TypeError:", exc)

url = "https://user:pw@Example.COM:8443/a/b/../c;params?q=1&q=2&empty=&x=a+b%20c#frag"
p = urlparse(url)
print(p)
print(p.scheme, p.netloc, p.hostname, p.port, p.username, p.password, p.path, p.params, p.query, p.fragment)
print(parse_qs(p.query), parse_qs(p.query, keep_blank_values=True), parse_qsl(p.query, keep_blank_values=True))
print(urlunparse(p._replace(query=urlencode({"page": 2, "tags": ["a", "b"]}, doseq=True), fragment="")))
print(urlsplit("http://[::1]:80/x").hostname, urlsplit("mailto:someone@example.com"), urlsplit("//host/path"))
for base, rel in [("http://a/b/c/d;p?q", "g"), ("http://a/b/c/d;p?q", "../g"), ("http://a/b/c/d;p?q", "//g"),
                  ("http://a/b/c/d;p?q", "?y"), ("http://a/b/c/d;p?q", "#s"), ("http://a/b/c/d;p?q", "../../../g"),
                  ("http://a/b/c/", "/./g"), ("file:///tmp/x", "y")]:
    print(f"{rel!r:>10} -> {urljoin(base, rel)}")
print(quote("a b/c?d=é&"), quote("a b/c", safe=""), quote_plus("a b&c=d/e"), unquote("%E2%9C%93%20ok"),
      unquote_plus("a+b%2Bc"), urlencode([("k", "v 1"), ("k", "ü")]), urldefrag("http://x/y#z"))
try:
    urlsplit("http://host:99999/").port
except ValueError as exc:
    print("ValueError:", exc)
try:
    urlsplit("http://[::1/")
except ValueError as exc:
    print("ValueError:", exc)
print(urlparse("HTTP://EXAMPLE.com/%7Euser").geturl(), urlsplit("http://h/p?q").geturl(), urlparse(b"http://x/y").netloc)
