"""Blocking calls outside a coroutine's own code are not findings: a plain helper, nested defs."""
import asyncio
import socket
import subprocess


def resolve(host):
    return socket.getaddrinfo(host, 80)[0][-1]


async def main(host):
    address = await asyncio.to_thread(resolve, host)

    def worker():
        return subprocess.run(["make"])

    later = lambda: input("? ")
    result = await asyncio.to_thread(worker)
    return address, result, later


class Tool:
    def run(self):
        return subprocess.check_output(["ls"])
