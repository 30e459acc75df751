"""Name lookups that never ask DNS are not blocking: AI_NUMERICHOST among the flags, or a
numeric address written out."""
import asyncio
import socket

_NUMERIC_ONLY = socket.AI_NUMERICHOST | socket.AI_NUMERICSERV


async def numeric_first(host, port):
    try:
        return socket.getaddrinfo(host, port, 0, 0, 0, _NUMERIC_ONLY)
    except socket.gaierror:
        return await asyncio.get_running_loop().getaddrinfo(host, port)


async def flag_keyword(host):
    return socket.getaddrinfo(host, 80, flags=socket.AI_NUMERICHOST)


async def added_to_the_callers_flags(host, port, flags):
    return socket.getaddrinfo(host, port, 0, 0, 0, flags | _NUMERIC_ONLY)


async def literal_addresses():
    local = socket.getaddrinfo("127.0.0.1", 80)
    six = socket.getaddrinfo("::1", 80)
    return local, six, socket.gethostbyname("10.0.0.1")


# A host name, or flags without AI_NUMERICHOST: DNS.
async def real_lookups(host):
    first = socket.getaddrinfo("example.com", 80)
    second = socket.getaddrinfo(host, 80, flags=socket.AI_CANONNAME)
    third = socket.getaddrinfo(host, 80, flags=socket.AI_CANONNAME & ~socket.AI_NUMERICHOST)
    return first, second, third, socket.gethostbyname("localhost")
